import type { SchedulerServiceTaskScope } from '@openstage/spec';

/** The state of a task as the tasks route reports it (SCHED-114, SCHED-116). */
export type TaskState =
  | {
      status: 'running';
      startedAt: string;
      timesOutAt?: string;
      lastRunEndedAt?: string;
      lastRunError?: string;
    }
  | {
      status: 'idle';
      startsAt?: string;
      lastRunEndedAt?: string;
      lastRunError?: string;
    }
  | null;

/** What this instance's worker for a task is doing (SCHED-115). */
export type WorkerState = { status: 'initial-wait' | 'idle' | 'running' } | null;

/** The worker that runs one task in this backend instance. */
export interface TaskWorker {
  readonly scope: SchedulerServiceTaskScope;
  /** Starts the worker's loop; it ends on its own when the task or backend signal aborts. */
  start(): void;
  /** Makes the task due at once (SCHED-081). */
  trigger(): Promise<void>;
  /** Aborts the run in progress (SCHED-088). */
  cancel(): Promise<void>;
  taskState(): Promise<TaskState>;
  workerState(): WorkerState;
  /** Resolves once the loop has ended and no run of this worker is in progress. */
  stopped(): Promise<void>;
}
