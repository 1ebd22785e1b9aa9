import type { JsonObject } from '../../json/JsonObject.js';
import type { SchedulerServiceTaskScope } from './SchedulerServiceTaskScope.js';

/**
 * A task known to the scheduler, as listed by `getScheduledTasks`.
 *
 * **When to use**: to inspect which tasks a plugin has scheduled.
 *
 * @requirement SCHED-012
 * @requirement SCHED-101
 * @requirement SCHED-102
 * @requirement SCHED-103
 * @requirement SCHED-104
 * @requirement SCHED-105
 * @requirement SCHED-106
 * @see {@link SchedulerService}
 * @category services
 * @since 0.1.0
 */
export type SchedulerServiceTaskDescriptor = {
  /** The task id. */
  id: string;
  /** Where the task runs. */
  scope: SchedulerServiceTaskScope;
  /** The stored schedule, with a format `version`. */
  settings: { version: number } & JsonObject;
};
