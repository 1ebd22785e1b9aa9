export {
  schedulerServiceFactory,
  createSchedulerServiceFactory,
} from './schedulerServiceFactory.js';
export { systemSchedulerClock, type SchedulerClock } from './SchedulerClock.js';
export { TaskManager } from './TaskManager.js';
export {
  PluginTaskScheduler,
  type PluginTaskSchedulerOptions,
  type TaskDetails,
} from './PluginTaskScheduler.js';
export {
  SchedulerError,
  isSchedulerError,
  type SchedulerErrorCode,
  type SchedulerErrorDetails,
} from './SchedulerError.js';
export { readSchedulerServiceTaskScheduleDefinitionFromConfig } from './readSchedulerServiceTaskScheduleDefinitionFromConfig.js';
export { createSchedulerRouter } from './createSchedulerRouter.js';
export { migrateSchedulerTables, TASKS_TABLE, MIGRATIONS_TABLE } from './migrateSchedulerTables.js';
