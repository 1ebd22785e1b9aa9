import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';

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
  // The implementation loads when a plugin first asks for a cache, not with the package.
  createRootContext: async ({ config, rootLifecycle, rootLogger }) => {
    const { CacheManager } = await import('./CacheManager.js');
    return CacheManager.fromConfig(config, {
      rootLifecycle,
      logger: rootLogger.child({ service: 'cache' }),
    });
  },
  factory: ({ pluginMetadata, logger }, manager) =>
    manager.forPlugin(pluginMetadata.getId(), { logger }),
});
