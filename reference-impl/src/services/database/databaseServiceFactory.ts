import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';

/**
 * The default `core.database` factory (spec/docs/services/database.md): one
 * {@link DatabaseManager} per backend, one Knex client per plugin.
 */
export const databaseServiceFactory = createServiceFactory({
  service: coreServices.database,
  deps: {
    config: coreServices.rootConfig,
    rootLifecycle: coreServices.rootLifecycle,
    rootLogger: coreServices.rootLogger,
    pluginMetadata: coreServices.pluginMetadata,
  },
  // The implementation loads when a plugin first asks for a database, not with the package.
  createRootContext: async ({ config, rootLifecycle, rootLogger }) => {
    const { DatabaseManager } = await import('./DatabaseManager.js');
    return DatabaseManager.fromConfig(config, {
      rootLifecycle,
      logger: rootLogger.child({ service: 'database' }),
    });
  },
  factory: ({ pluginMetadata }, manager) => manager.forPlugin(pluginMetadata.getId()),
});
