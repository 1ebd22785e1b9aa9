import type { Server } from 'node:http';
import type {
  LoggerService,
  RootHealthService,
  RootHttpRouterService,
  RootLifecycleService,
} from '@openstage/spec';
import express, { type Express, type RequestHandler } from 'express';
import type { ConfigReader } from './ConfigReader.js';
import { composeHandlers, type ComposableHandler } from './composeHandlers.js';
import { createHealthRouter } from './createHealthRouter.js';
import { createHttpServer, type ManagedHttpServer } from './createHttpServer.js';
import { DefaultRootHttpRouter } from './DefaultRootHttpRouter.js';
import { MiddlewareFactory, passThrough } from './MiddlewareFactory.js';
import { readDuration } from './readDuration.js';
import { readHttpsOptions } from './readHttpsOptions.js';
import { readListenOptions } from './readListenOptions.js';
import { readServerOptions } from './readServerOptions.js';
import { announceBoundPort } from '../../backend/boundListenPort.js';

/** The part of the `rootLifecycle` service the root router uses. */
export type RootHttpRouterLifecycle = Pick<
  RootLifecycleService,
  'addShutdownHook' | 'addBeforeShutdownHook'
>;

/** What a `configure` callback receives (RHTTP-039). */
export interface RootHttpRouterConfigureContext {
  app: Express;
  server: Server;
  middleware: MiddlewareFactory;
  /** The mounted routes with the index fallback, as one handler. */
  routes: RequestHandler;
  config: ConfigReader;
  logger: LoggerService;
  lifecycle: RootHttpRouterLifecycle;
  /** The health endpoints, as one handler. */
  healthRouter: RequestHandler;
  /** Installs the default pipeline of RHTTP-038 on `app` (RHTTP-041). */
  applyDefaults(): void;
}

/** Options of the default `rootHttpRouter` factory (RHTTP-009, RHTTP-039). */
export interface RootHttpRouterFactoryOptions {
  /** The path whose handler serves unmatched requests outside `/api/`; `false` disables it. */
  indexPath?: string | false;
  /** Replaces the default pipeline; call `applyDefaults()` to install it after all. */
  configure?(context: RootHttpRouterConfigureContext): void;
}

/** The services the default root router needs. */
export interface RootHttpRouterDependencies {
  config: ConfigReader;
  logger: LoggerService;
  lifecycle: RootHttpRouterLifecycle;
  health: RootHealthService;
}

/** A started root router and the server behind it. */
export interface StartedRootHttpRouter {
  router: RootHttpRouterService;
  server: ManagedHttpServer;
}

/**
 * Builds the default root router and starts its server (RHTTP-015): reads and checks every
 * configuration value, installs the pipeline (or calls `configure`), listens, and registers the
 * shutdown hooks (RHTTP-075 to RHTTP-077).
 *
 * **Details**: every configuration problem is raised before the server binds, so a backend with
 * bad HTTP configuration never holds its port.
 */
export async function createRootHttpRouter(
  deps: RootHttpRouterDependencies,
  options: RootHttpRouterFactoryOptions = {},
): Promise<StartedRootHttpRouter> {
  const { config, logger, lifecycle, health } = deps;
  const development = process.env['NODE_ENV'] === 'development';
  const listen = readListenOptions(config.getOptional('backend.listen'));
  const tls = readHttpsOptions(config);
  const serverOptions = readServerOptions(config);
  const shutdownDelay = config.getOptional('backend.lifecycle.serverShutdownDelay');
  const shutdownDelayMs =
    shutdownDelay === undefined || shutdownDelay === null
      ? undefined
      : readDuration(shutdownDelay, 'backend.lifecycle.serverShutdownDelay');
  const trustProxy = config.getOptional('backend.trustProxy');

  const router = new DefaultRootHttpRouter(
    options.indexPath === undefined ? {} : { indexPath: options.indexPath },
  );
  const middleware = MiddlewareFactory.create({ config, logger });
  const healthRouter = createHealthRouter({ health, config });
  const routes = router.handler();

  const app = express();
  app.disable('x-powered-by'); // RHTTP-052
  const server = createHttpServer({
    listener: app,
    messagePrototypes: { request: app.request, response: app.response },
    listen,
    serverOptions,
    ...(tls ? { tls } : {}),
  });

  const applyDefaults = (): void => {
    if (development) app.set('json spaces', 2); // RHTTP-042
    if (trustProxy !== undefined && trustProxy !== null) app.set('trust proxy', trustProxy); // RHTTP-036
    // Pieces that configuration turns off are left out rather than mounted as pass-throughs, so
    // every request skips them entirely. The pipeline is one composed handler rather than one
    // express layer per piece: the same order and error handling, at a fraction of the cost.
    const pipeline: ComposableHandler[] = [
      middleware.helmet(),
      middleware.cors(),
      middleware.compression(),
      middleware.logging(),
      middleware.rateLimit(),
    ].filter((handler) => handler !== passThrough);
    pipeline.push(healthRouter, routes, middleware.notFound(), middleware.error());
    app.use(composeHandlers(pipeline));
  };
  if (options.configure) {
    options.configure({
      app,
      server: server.server,
      middleware,
      routes,
      config,
      logger,
      lifecycle,
      healthRouter,
      applyDefaults,
    });
  } else {
    applyDefaults();
  }

  await server.start();
  logger.info(`Listening on ${server.host || '*'}:${server.port()}`);
  // DISC-023: discovery reports this port when backend.listen asks for port 0.
  announceBoundPort(config, server.port());

  if (shutdownDelayMs !== undefined && shutdownDelayMs > 0) {
    lifecycle.addBeforeShutdownHook(
      () => new Promise<void>((resolve) => setTimeout(resolve, shutdownDelayMs)),
    );
  }
  lifecycle.addShutdownHook(async () => {
    await server.stop({ force: development });
    await middleware.close();
    logger.info('HTTP server stopped');
  });

  return { router, server };
}
