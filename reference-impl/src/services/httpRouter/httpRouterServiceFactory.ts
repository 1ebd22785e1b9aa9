import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { createRateLimiter, readRateLimitOptions } from '../rootHttpRouter/index.js';
import { createPluginHttpRouter } from './createPluginHttpRouter.js';
import { readHttpRouterSettings } from './readHttpRouterSettings.js';

/**
 * The default `core.httpRouter` factory (HTTP-001, HTTP-009, HTTP-010): every plugin gets a
 * router mounted on the root router at `/api/<pluginId>`, created even when nothing depends on it.
 */
export const httpRouterServiceFactory = createServiceFactory({
  service: coreServices.httpRouter,
  initialization: 'always',
  deps: {
    plugin: coreServices.pluginMetadata,
    config: coreServices.rootConfig,
    rootLogger: coreServices.rootLogger,
    logger: coreServices.logger,
    lifecycle: coreServices.lifecycle,
    rootLifecycle: coreServices.rootLifecycle,
    rootHttpRouter: coreServices.rootHttpRouter,
    auth: coreServices.auth,
    httpAuth: coreServices.httpAuth,
  },
  createRootContext: ({ config, rootLogger }) =>
    readHttpRouterSettings(config, rootLogger.child({ service: 'httpRouter' })),
  factory(
    { plugin, config, logger, lifecycle, rootLifecycle, rootHttpRouter, auth, httpAuth },
    settings,
  ) {
    const pluginId = plugin.getId();
    const configPath = `backend.rateLimit.plugin.${pluginId}`;
    const rateLimitOptions = settings.perPluginRateLimits
      ? readRateLimitOptions(config.getOptional(configPath), configPath)
      : undefined;
    const rateLimit = rateLimitOptions
      ? createRateLimiter(rateLimitOptions, `plugin:${pluginId}`)
      : undefined;
    // The limit sits in front of the lifecycle gate, so it serves until the server itself stops.
    if (rateLimit) rootLifecycle.addShutdownHook(() => rateLimit.close());
    const { service, handler } = createPluginHttpRouter({
      pluginId,
      logger,
      lifecycle,
      auth,
      httpAuth,
      startupRequestPauseTimeoutMs: settings.startupRequestPauseTimeoutMs,
      disableDefaultAuthPolicy: settings.disableDefaultAuthPolicy,
      ...(rateLimit ? { rateLimit: rateLimit.middleware } : {}),
    });
    rootHttpRouter.use(`/api/${pluginId}`, handler);
    return service;
  },
});
