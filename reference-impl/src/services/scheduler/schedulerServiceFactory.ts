import type { DatabaseService, HttpRouterService, LoggerService, RootLifecycleService } from '@openstage/spec';
import type { OpaqueService } from '../../authoring/coreServiceTypes.js';
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
  createRootContext: ({ rootLifecycle }) =>
    TaskManager.create({ rootLifecycle: rootLifecycle as unknown as RootLifecycleService }),
  factory: ({ database, logger, pluginMetadata, httpRouter }, manager) => {
    // The authoring refs still type database, httpRouter and scheduler as opaque services; the
    // casts go once coreServices carries @openstage/spec's interfaces.
    const scheduler = manager.forPlugin({
      pluginId: pluginMetadata.getId(),
      database: database as unknown as DatabaseService,
      logger: logger as unknown as LoggerService,
    });
    (httpRouter as unknown as HttpRouterService).use(
      createSchedulerRouter(scheduler) as unknown as Parameters<HttpRouterService['use']>[0],
    );
    return scheduler as unknown as OpaqueService;
  },
});
