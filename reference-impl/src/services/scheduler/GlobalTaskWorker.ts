import { randomUUID } from 'node:crypto';
import type { LoggerService, SchedulerServiceTaskFunction } from '@openstage/spec';
import type { ParsedTaskSchedule } from './parseTaskSchedule.js';
import { runTaskFunction, type TaskRun } from './runTaskFunction.js';
import { serializeRunError } from './serializeRunError.js';
import { LoopSleeper } from './LoopSleeper.js';
import type { SchedulerClock } from './SchedulerClock.js';
import { taskErrors } from './taskErrors.js';
import { taskStateFromRow } from './taskStateFromRow.js';
import type { TaskStore } from './TaskStore.js';
import type { TaskState, TaskWorker, WorkerState } from './TaskWorker.js';

/** The longest gap between two checks of a task (SCHED-031). */
export const MAX_CHECK_INTERVAL_MS = 5_000;
/** The shortest sleep between checks, so a clock slightly ahead of the database's cannot spin. */
const MIN_CHECK_INTERVAL_MS = 20;

/** What a global worker needs besides the task itself. */
export interface GlobalTaskWorkerOptions {
  readonly pluginId: string;
  readonly store: TaskStore;
  readonly logger: LoggerService;
  readonly shutdownSignal: AbortSignal;
  readonly taskSignal: AbortSignal | undefined;
  /** Every time reading and wait of the worker (TEST-237). */
  readonly clock: SchedulerClock;
}

/**
 * Runs a global task in this instance whenever this instance wins the database lease for a due
 * time (SCHED-051 to SCHED-057).
 */
export class GlobalTaskWorker implements TaskWorker {
  readonly scope = 'global' as const;
  readonly #checkIntervalMs: number;
  #state: 'initial-wait' | 'idle' | 'running' = 'idle';
  #run: (TaskRun & { ticket: string }) | undefined;
  #wake = new AbortController();
  #loop: Promise<void> = Promise.resolve();
  readonly #sleeper: LoopSleeper;

  constructor(
    private readonly taskId: string,
    private readonly fn: SchedulerServiceTaskFunction,
    private readonly schedule: ParsedTaskSchedule,
    private readonly options: GlobalTaskWorkerOptions,
  ) {
    this.#sleeper = new LoopSleeper(options.clock);
    const { cadence } = schedule;
    this.#checkIntervalMs =
      cadence.kind === 'duration'
        ? Math.min(MAX_CHECK_INTERVAL_MS, cadence.milliseconds)
        : MAX_CHECK_INTERVAL_MS;
  }

  /** Stores the task before it is reported as scheduled (SCHED-002, SCHED-058). */
  async persist(): Promise<void> {
    const { store } = this.options;
    await store.upsert(
      this.taskId,
      this.schedule.settings,
      store.firstDueTime(this.schedule.cadence, this.schedule.initialDelayMs),
    );
  }

  start(): void {
    this.#sleeper.busy();
    this.#loop = this.#runLoop().finally(() => this.#sleeper.rest());
  }

  stopped(): Promise<void> {
    return this.#loop;
  }

  #halted(): boolean {
    return this.options.shutdownSignal.aborted || this.options.taskSignal?.aborted === true;
  }

  async #runLoop(): Promise<void> {
    const { shutdownSignal, taskSignal, logger } = this.options;
    if (this.schedule.initialDelayMs !== undefined) {
      this.#state = 'initial-wait'; // SCHED-038
      await this.#sleeper.sleep(this.schedule.initialDelayMs, shutdownSignal, taskSignal);
    }
    this.#state = 'idle';
    while (!this.#halted()) {
      let wait = this.#checkIntervalMs;
      try {
        const ticket = randomUUID();
        if (await this.options.store.tryClaim(this.taskId, ticket, this.schedule.timeoutMs)) {
          await this.#runClaimed(ticket);
          continue;
        }
        wait = await this.#timeUntilNextCheck();
      } catch (error) {
        logger.warn(`Scheduler could not check task '${this.taskId}': ${String(error)}`);
      }
      this.#wake = new AbortController();
      await this.#sleeper.sleep(wait, this.#wake.signal, shutdownSignal, taskSignal);
    }
  }

  async #timeUntilNextCheck(): Promise<number> {
    const row = await this.options.store.read(this.taskId);
    const due = row?.nextRunStartAt?.getTime();
    if (due === undefined || row?.currentRunTicket !== undefined) return this.#checkIntervalMs;
    // The local clock only shortens the sleep; whether the task is due is decided by the database.
    return Math.min(
      this.#checkIntervalMs,
      Math.max(MIN_CHECK_INTERVAL_MS, due - this.options.clock.now()),
    );
  }

  async #runClaimed(ticket: string): Promise<void> {
    const { store, logger, shutdownSignal, taskSignal } = this.options;
    const row = await store.read(this.taskId);
    const startedAt = row?.currentRunStartedAt ?? new Date(this.options.clock.now());
    const run = {
      controller: new AbortController(),
      startedAt,
      timesOutAt:
        row?.currentRunExpiresAt ?? new Date(startedAt.getTime() + this.schedule.timeoutMs),
      cancelled: false,
      ticket,
    };
    this.#run = run;
    this.#state = 'running';
    const watcher = this.#watchLease(run);
    const running = runTaskFunction(run, this.fn, {
      taskId: this.taskId,
      timeoutMs: this.schedule.timeoutMs,
      signals: [shutdownSignal, taskSignal],
      logger,
      clock: this.options.clock,
    });
    // The run has started (TEST-238); the loop is busy again once it returns.
    this.#sleeper.rest();
    const result = await running;
    this.#sleeper.busy();
    run.controller.abort(); // stops the lease watcher
    await watcher;
    this.#run = undefined;
    this.#state = 'idle';
    const errorJson = result.error === undefined ? undefined : serializeRunError(result.error);
    const released = await store.release(
      this.taskId,
      ticket,
      store.nextDueTime(this.schedule.cadence, row?.nextRunStartAt),
      errorJson,
    );
    if (!released && !run.cancelled) {
      logger.warn(
        `Task '${this.taskId}' lost its lease before the run ended; the run was not recorded`,
      );
    }
  }

  /** Aborts the run once another instance has released or taken its lease (SCHED-057). */
  async #watchLease(run: TaskRun & { ticket: string }): Promise<void> {
    const sleeper = new LoopSleeper(this.options.clock);
    try {
      await this.#watchLeaseWith(sleeper, run);
    } finally {
      sleeper.rest();
    }
  }

  async #watchLeaseWith(sleeper: LoopSleeper, run: TaskRun & { ticket: string }): Promise<void> {
    while (!run.controller.signal.aborted) {
      await sleeper.sleep(this.#checkIntervalMs, run.controller.signal);
      if (run.controller.signal.aborted) return;
      try {
        const row = await this.options.store.read(this.taskId);
        if (row?.currentRunTicket !== run.ticket) {
          run.cancelled = true;
          run.controller.abort(new Error('Task was cancelled'));
        }
      } catch {
        // A failed check is retried on the next interval; the timeout still bounds the run.
      }
    }
  }

  async trigger(): Promise<void> {
    const outcome = await this.options.store.trigger(this.taskId);
    if (outcome === 'running') throw taskErrors.running(this.options.pluginId, this.taskId);
    if (outcome === 'missing') throw taskErrors.notFound(this.options.pluginId, this.taskId);
    this.#wake.abort();
  }

  async cancel(): Promise<void> {
    const outcome = await this.options.store.cancel(
      this.taskId,
      () => this.schedule.cadence,
      serializeRunError(new Error('Task was cancelled')),
    );
    if (outcome === 'missing') throw taskErrors.notFound(this.options.pluginId, this.taskId);
    if (outcome === 'idle') throw taskErrors.notRunning(this.options.pluginId, this.taskId);
    const run = this.#run;
    if (run !== undefined) {
      run.cancelled = true;
      run.controller.abort(new Error('Task was cancelled'));
    }
  }

  async taskState(): Promise<TaskState> {
    const row = await this.options.store.read(this.taskId);
    return row === undefined ? null : taskStateFromRow(row);
  }

  workerState(): WorkerState {
    return { status: this.#state };
  }
}
