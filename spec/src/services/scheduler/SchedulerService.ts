import type { SchedulerServiceTaskDescriptor } from './SchedulerServiceTaskDescriptor.js';
import type { SchedulerServiceTaskInvocationDefinition } from './SchedulerServiceTaskInvocationDefinition.js';
import type { SchedulerServiceTaskRunner } from './SchedulerServiceTaskRunner.js';
import type { SchedulerServiceTaskScheduleDefinition } from './SchedulerServiceTaskScheduleDefinition.js';

/**
 * The `scheduler` service (`core.scheduler`, plugin scope): runs a plugin's background tasks on
 * a schedule, once across the cluster or on every instance.
 *
 * **When to use**: for periodic work such as refreshing data from an external system.
 *
 * **Details**: `triggerTask` and `cancelTask` act on tasks of the calling plugin and reject for
 * unknown tasks; `triggerTask` also rejects for a task that is running, `cancelTask` for one
 * that is not.
 *
 * @requirement SCHED-001
 * @requirement SCHED-004
 * @requirement SCHED-005
 * @see {@link SchedulerServiceTaskScheduleDefinition}
 * @see {@link SchedulerServiceTaskFunction}
 * @category services
 * @since 0.1.0
 */
export interface SchedulerService {
  /**
   * Runs the task with `id` now, outside its schedule.
   *
   * @requirement SCHED-081
   * @requirement SCHED-082
   * @requirement SCHED-083
   * @requirement SCHED-084
   * @requirement SCHED-085
   * @requirement SCHED-086
   * @requirement SCHED-087
   */
  triggerTask: (id: string) => Promise<void>;
  /**
   * Aborts the current run of the task with `id`.
   *
   * @requirement SCHED-088
   * @requirement SCHED-089
   * @requirement SCHED-090
   * @requirement SCHED-091
   * @requirement SCHED-092
   * @requirement SCHED-093
   */
  cancelTask: (id: string) => Promise<void>;
  /**
   * Schedules a task.
   *
   * @requirement SCHED-002
   * @requirement SCHED-003
   * @requirement SCHED-004
   * @requirement SCHED-005
   * @requirement SCHED-006
   * @requirement SCHED-007
   */
  scheduleTask: (
    task: SchedulerServiceTaskScheduleDefinition & SchedulerServiceTaskInvocationDefinition,
  ) => Promise<void>;
  /**
   * A runner that schedules the tasks given to it with `schedule`.
   *
   * @requirement SCHED-008
   * @requirement SCHED-009
   * @requirement SCHED-010
   * @requirement SCHED-011
   */
  createScheduledTaskRunner: (
    schedule: SchedulerServiceTaskScheduleDefinition,
  ) => SchedulerServiceTaskRunner;
  /**
   * The tasks scheduled by the calling plugin.
   *
   * @requirement SCHED-012
   * @requirement SCHED-013
   */
  getScheduledTasks: () => Promise<SchedulerServiceTaskDescriptor[]>;
}
