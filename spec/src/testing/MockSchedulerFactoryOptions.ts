/**
 * Options of `mockServices.scheduler.factory`.
 *
 * **When to use**: to change which tasks the mock scheduler runs on startup.
 *
 * @requirement TEST-102
 * @requirement TEST-103
 * @requirement TEST-104
 * @see {@link MockSchedulerService}
 * @category testing
 * @since 0.1.0
 */
export interface MockSchedulerFactoryOptions {
  /** Run no task on startup. */
  skipTaskRunOnStartup?: boolean;
  /** Also run manual tasks on startup. */
  includeManualTasksOnStartup?: boolean;
  /** Also run tasks with an initial delay on startup. */
  includeInitialDelayedTasksOnStartup?: boolean;
}
