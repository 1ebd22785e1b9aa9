import type { SchedulerService } from '../services/scheduler/SchedulerService.js';

/**
 * The mock scheduler of a test kit: runs tasks on startup and when triggered, never on a timer.
 *
 * **When to use**: the default scheduler of a test backend; `waitForTask` lets a test wait for a
 * task's next run.
 *
 * **Details**: by default it runs, in a startup hook of each plugin, every task the plugin
 * scheduled during `init`, except manual tasks and tasks with an initial delay.
 *
 * @requirement TEST-101
 * @requirement TEST-105
 * @requirement TEST-106
 * @requirement TEST-107
 * @requirement TEST-108
 * @requirement TEST-109
 * @requirement TEST-110
 * @requirement TEST-111
 * @requirement TEST-112
 * @see {@link MockServices}
 * @category testing
 * @since 0.1.0
 */
export type MockSchedulerService = SchedulerService & {
  /**
   * Resolves when the next run of the task `id` completes, even if it is not scheduled yet;
   * rejects with the run's error when it fails.
   */
  waitForTask: (id: string) => Promise<void>;
};
