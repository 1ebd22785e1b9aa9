import type { HumanDuration } from '../../time/HumanDuration.js';

/**
 * How often a scheduled task runs: a cron expression, a fixed interval, or only when triggered
 * manually.
 *
 * **When to use**: in the `frequency` of a schedule.
 *
 * **Details**: an interval is a {@link HumanDuration}; luxon `Duration` objects, which Backstage
 * also accepts, expose the same fields and are assignable to it.
 *
 * @requirement SCHED-021
 * @requirement SCHED-022
 * @requirement SCHED-037
 * @see {@link SchedulerServiceTaskScheduleDefinition}
 * @category services
 * @since 0.1.0
 */
export type SchedulerServiceTaskFrequency =
  | {
      /** A cron expression, such as `0 * * * *` (every hour). */
      cron: string;
    }
  | HumanDuration
  | {
      /** Run only when `triggerTask` is called. */
      trigger: 'manual';
    };
