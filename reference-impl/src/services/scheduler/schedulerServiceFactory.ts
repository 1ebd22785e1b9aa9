import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { createSchedulerRouter } from './createSchedulerRouter.js';
import { TaskManager } from './TaskManager.js';

/**
 * The default `core.scheduler` factory (spec/docs/services/scheduler.md): one {@link TaskManager}
 * per backend, one scheduler per plugin with its task routes on the plugin's router.
 */
export const schedulerServiceFactory = createServiceFactory({
  service: coreServices.scheduler,
  deps: {
    rootLifecycle: coreServices.rootLifecycle,
    database: coreServices.database,
    logger: coreServices.logger,
    pluginMetadata: coreServices.pluginMetadata,
    httpRouter: coreServices.httpRouter,
  },
  createRootContext: ({ rootLifecycle }) => TaskManager.create({ rootLifecycle }),
  factory: ({ database, logger, pluginMetadata, httpRouter }, manager) => {
    const scheduler = manager.forPlugin({ pluginId: pluginMetadata.getId(), database, logger });
    httpRouter.use(createSchedulerRouter(scheduler));
    return scheduler;
  },
});
