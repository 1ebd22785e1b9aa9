import type { SchedulerServiceTaskFunction } from './SchedulerServiceTaskFunction.js';

/**
 * What to run: a task id and its function.
 *
 * **When to use**: with a {@link SchedulerServiceTaskRunner}, or combined with a schedule in
 * `scheduleTask`.
 *
 * @requirement SCHED-003
 * @requirement SCHED-004
 * @requirement SCHED-044
 * @requirement SCHED-045
 * @see {@link SchedulerService}
 * @category services
 * @since 0.1.0
 */
export interface SchedulerServiceTaskInvocationDefinition {
  /** The task id, unique within the plugin; not empty. */
  id: string;
  /** The work to run. */
  fn: SchedulerServiceTaskFunction;
  /** Stops scheduling the task when it fires. */
  signal?: AbortSignal;
}
