import { SchedulerError } from './SchedulerError.js';

/**
 * The errors of triggering and cancelling, shared by both workers and the scheduler.
 */
export const taskErrors = {
  /** SCHED-083, SCHED-091. */
  notFound: (pluginId: string, taskId: string): SchedulerError =>
    new SchedulerError('SCHED_TASK_NOT_FOUND', { pluginId, taskId }),
  /** SCHED-084. */
  running: (pluginId: string, taskId: string): SchedulerError =>
    new SchedulerError('SCHED_TASK_RUNNING', { pluginId, taskId }),
  /** SCHED-092. */
  notRunning: (pluginId: string, taskId: string): SchedulerError =>
    new SchedulerError('SCHED_TASK_NOT_RUNNING', { pluginId, taskId }),
};
