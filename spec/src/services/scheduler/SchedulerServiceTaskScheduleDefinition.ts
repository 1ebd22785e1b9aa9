import type { HumanDuration } from '../../time/HumanDuration.js';
import type { SchedulerServiceTaskFrequency } from './SchedulerServiceTaskFrequency.js';
import type { SchedulerServiceTaskScope } from './SchedulerServiceTaskScope.js';

/**
 * When and how a task runs.
 *
 * **When to use**: in `scheduleTask` and `createScheduledTaskRunner`.
 *
 * **Details**: `timeout` is required: a run that exceeds it is aborted through the task's
 * `AbortSignal`. Durations are {@link HumanDuration}s (luxon durations are accepted too).
 *
 * @requirement SCHED-021
 * @requirement SCHED-022
 * @requirement SCHED-023
 * @requirement SCHED-024
 * @requirement SCHED-025
 * @requirement SCHED-026
 * @see {@link SchedulerService}
 * @category services
 * @since 0.1.0
 */
export interface SchedulerServiceTaskScheduleDefinition {
  /** How often the task runs. */
  frequency: SchedulerServiceTaskFrequency;
  /** The longest a single run may take before it is aborted. */
  timeout: HumanDuration;
  /** How long to wait after startup before the first run. */
  initialDelay?: HumanDuration;
  /** Where the task runs; `'global'` when omitted. */
  scope?: SchedulerServiceTaskScope;
}
