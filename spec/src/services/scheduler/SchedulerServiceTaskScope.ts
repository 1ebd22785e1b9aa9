/**
 * Where a scheduled task runs: `'global'` (on one instance at a time across the whole cluster)
 * or `'local'` (on every instance, without overlapping itself there).
 *
 * **When to use**: in the `scope` of a schedule; `'global'` is the default.
 *
 * @requirement SCHED-025
 * @requirement SCHED-026
 * @requirement SCHED-051
 * @requirement SCHED-071
 * @see {@link SchedulerServiceTaskScheduleDefinition}
 * @category services
 * @since 0.1.0
 */
export type SchedulerServiceTaskScope = 'global' | 'local';
