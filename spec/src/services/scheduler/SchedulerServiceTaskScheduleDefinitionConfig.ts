import type { HumanDuration } from '../../time/HumanDuration.js';
import type { SchedulerServiceTaskScope } from './SchedulerServiceTaskScope.js';

/**
 * A schedule as written in configuration, where durations may also be strings.
 *
 * **When to use**: as the type of a schedule section in a plugin's configuration, before it is
 * turned into a {@link SchedulerServiceTaskScheduleDefinition}.
 *
 * **Details**: a string duration is an ISO 8601 duration such as `PT5M` or a human-readable one
 * such as `5 minutes`; a string `frequency` that is neither is a cron expression.
 *
 * @requirement SCHED-131
 * @requirement SCHED-132
 * @requirement SCHED-133
 * @requirement SCHED-134
 * @requirement SCHED-135
 * @requirement SCHED-136
 * @requirement SCHED-137
 * @requirement SCHED-138
 * @see {@link SchedulerServiceTaskScheduleDefinition}
 * @category services
 * @since 0.1.0
 */
export interface SchedulerServiceTaskScheduleDefinitionConfig {
  /** How often the task runs. */
  frequency:
    | {
        /** A cron expression. */
        cron: string;
      }
    | string
    | HumanDuration
    | {
        /** Run only when triggered manually. */
        trigger: 'manual';
      };
  /** The longest a single run may take. */
  timeout: string | HumanDuration;
  /** How long to wait after startup before the first run. */
  initialDelay?: string | HumanDuration;
  /** Where the task runs. */
  scope?: SchedulerServiceTaskScope;
}
