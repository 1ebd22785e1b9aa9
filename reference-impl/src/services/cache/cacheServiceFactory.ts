import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { CacheManager } from './CacheManager.js';

/**
 * The default `core.cache` factory (spec/docs/services/cache.md): one {@link CacheManager}, and so
 * one store connection, per backend; one namespaced client per plugin.
 */
export const cacheServiceFactory = createServiceFactory({
  service: coreServices.cache,
  deps: {
    config: coreServices.rootConfig,
    rootLifecycle: coreServices.rootLifecycle,
    rootLogger: coreServices.rootLogger,
    logger: coreServices.logger,
    pluginMetadata: coreServices.pluginMetadata,
  },
  createRootContext: ({ config, rootLifecycle, rootLogger }) =>
    CacheManager.fromConfig(config, {
      rootLifecycle,
      logger: rootLogger.child({ service: 'cache' }),
    }),
  factory: ({ pluginMetadata, logger }, manager) =>
    manager.forPlugin(pluginMetadata.getId(), { logger }),
});
