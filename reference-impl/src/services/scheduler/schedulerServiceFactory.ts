import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import type { SchedulerClock } from './SchedulerClock.js';
import type { TaskManager } from './TaskManager.js';

/**
 * A `core.scheduler` factory of the default implementation (spec/docs/services/scheduler.md):
 * one {@link TaskManager} per backend, one scheduler per plugin with its task routes on the
 * plugin's router. `clock` replaces the wall clock, as the test kit's fake clock does (TEST-236).
 */
export function createSchedulerServiceFactory(options: { clock?: SchedulerClock } = {}) {
  return createServiceFactory({
    service: coreServices.scheduler,
    deps: {
      rootLifecycle: coreServices.rootLifecycle,
      database: coreServices.database,
      logger: coreServices.logger,
      pluginMetadata: coreServices.pluginMetadata,
      httpRouter: coreServices.httpRouter,
    },
    // The scheduler (and cron-parser) loads when a plugin first asks for it, not with the package.
    createRootContext: async ({ rootLifecycle }): Promise<TaskManager> => {
      const { TaskManager } = await import('./TaskManager.js');
      return TaskManager.create({
        rootLifecycle,
        ...(options.clock ? { clock: options.clock } : {}),
      });
    },
    factory: async ({ database, logger, pluginMetadata, httpRouter }, manager) => {
      const { createSchedulerRouter } = await import('./createSchedulerRouter.js');
      const scheduler = manager.forPlugin({ pluginId: pluginMetadata.getId(), database, logger });
      // No auth policy: the plugin's credentials barrier guards these routes (SCHED-122, SCHED-123).
      httpRouter.use(createSchedulerRouter(scheduler));
      return scheduler;
    },
  });
}

/** The default `core.scheduler` factory, on the wall clock. */
export const schedulerServiceFactory = createSchedulerServiceFactory();
