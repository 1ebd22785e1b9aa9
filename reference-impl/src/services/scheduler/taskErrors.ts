import { SchedulerError } from './SchedulerError.js';

/**
 * The errors of triggering and cancelling, shared by both workers and the scheduler.
 */
export const taskErrors = {
  /** SCHED-083, SCHED-091. */
  notFound: (pluginId: string, taskId: string): SchedulerError =>
    new SchedulerError(
      'SCHED_TASK_NOT_FOUND',
      `Plugin '${pluginId}' has no task with id '${taskId}'`,
      { pluginId, taskId },
    ),
  /** SCHED-084. */
  running: (pluginId: string, taskId: string): SchedulerError =>
    new SchedulerError(
      'SCHED_TASK_RUNNING',
      `Task '${taskId}' of plugin '${pluginId}' is already running; wait for the run to end or cancel it`,
      { pluginId, taskId },
    ),
  /** SCHED-092. */
  notRunning: (pluginId: string, taskId: string): SchedulerError =>
    new SchedulerError(
      'SCHED_TASK_NOT_RUNNING',
      `Task '${taskId}' of plugin '${pluginId}' is not running, so it cannot be cancelled`,
      { pluginId, taskId },
    ),
};
