import type { SchedulerServiceTaskInvocationDefinition } from './SchedulerServiceTaskInvocationDefinition.js';

/**
 * A schedule waiting for tasks: each task passed to `run` is scheduled with it.
 *
 * **When to use**: returned by `createScheduledTaskRunner`, when the schedule is configured in
 * one place and the tasks are defined in another.
 *
 * @requirement SCHED-008
 * @requirement SCHED-009
 * @requirement SCHED-010
 * @requirement SCHED-011
 * @see {@link SchedulerService}
 * @category services
 * @since 0.1.0
 */
export interface SchedulerServiceTaskRunner {
  /** Schedules `task` with the runner's schedule. */
  run: (task: SchedulerServiceTaskInvocationDefinition) => Promise<void>;
}
