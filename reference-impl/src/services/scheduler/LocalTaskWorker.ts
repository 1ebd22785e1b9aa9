import type { LoggerService, SchedulerServiceTaskFunction } from '@openstage/spec';
import type { ParsedTaskSchedule } from './parseTaskSchedule.js';
import { nextCronTime } from './nextCronTime.js';
import { runTaskFunction, type TaskRun } from './runTaskFunction.js';
import { serializeRunError } from './serializeRunError.js';
import { taskErrors } from './taskErrors.js';
import { LoopSleeper } from './LoopSleeper.js';
import type { SchedulerClock } from './SchedulerClock.js';
import type { TaskState, TaskWorker, WorkerState } from './TaskWorker.js';

/** What a local worker needs besides the task itself. */
export interface LocalTaskWorkerOptions {
  readonly pluginId: string;
  readonly logger: LoggerService;
  /** Aborts when the backend shuts down (SCHED-046, SCHED-047). */
  readonly shutdownSignal: AbortSignal;
  /** The task's own signal (SCHED-044). */
  readonly taskSignal: AbortSignal | undefined;
  /** Every time reading and wait of the worker (TEST-237). */
  readonly clock: SchedulerClock;
}

/**
 * Runs a local task in this instance only, on its own timers, without touching the database
 * (SCHED-071, SCHED-072). Runs never overlap because the loop awaits each run (SCHED-040).
 */
export class LocalTaskWorker implements TaskWorker {
  readonly scope = 'local' as const;
  #state: 'initial-wait' | 'idle' | 'running' = 'idle';
  #nextDue = Number.POSITIVE_INFINITY;
  #run: TaskRun | undefined;
  #lastRunEndedAt: Date | undefined;
  #lastRunError: string | undefined;
  #wake = new AbortController();
  #loop: Promise<void> = Promise.resolve();
  readonly #sleeper: LoopSleeper;

  constructor(
    private readonly taskId: string,
    private readonly fn: SchedulerServiceTaskFunction,
    private readonly schedule: ParsedTaskSchedule,
    private readonly options: LocalTaskWorkerOptions,
  ) {
    this.#sleeper = new LoopSleeper(options.clock);
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
    const scheduledAt = this.options.clock.now();
    const { cadence, initialDelayMs } = this.schedule;
    if (cadence.kind === 'manual') this.#nextDue = Number.POSITIVE_INFINITY;
    else if (initialDelayMs !== undefined)
      this.#nextDue = scheduledAt + initialDelayMs; // SCHED-039
    else if (cadence.kind === 'duration')
      this.#nextDue = scheduledAt; // SCHED-033
    else this.#nextDue = nextCronTime(cadence.expression, new Date(scheduledAt - 1)).getTime(); // SCHED-035

    if (initialDelayMs !== undefined) {
      // SCHED-038: no run before the delay, not even a triggered one; a trigger during the wait
      // moves the due time, and the run starts as soon as the wait ends.
      this.#state = 'initial-wait';
      await this.#sleeper.sleep(
        initialDelayMs,
        this.options.shutdownSignal,
        this.options.taskSignal,
      );
    }
    while (!this.#halted()) {
      const wait = this.#nextDue - this.options.clock.now();
      if (wait > 0) {
        this.#state = 'idle';
        this.#wake = new AbortController();
        await this.#sleeper.sleep(
          wait,
          this.#wake.signal,
          this.options.shutdownSignal,
          this.options.taskSignal,
        );
        continue;
      }
      const due = this.#nextDue;
      await this.#runOnce();
      const now = this.options.clock.now();
      if (cadence.kind === 'duration')
        this.#nextDue = Math.max(due + cadence.milliseconds, now); // SCHED-034
      else if (cadence.kind === 'cron')
        this.#nextDue = nextCronTime(cadence.expression, new Date(now)).getTime(); // SCHED-036
      else this.#nextDue = Number.POSITIVE_INFINITY; // SCHED-037
    }
    this.#state = 'idle';
  }

  async #runOnce(): Promise<void> {
    const startedAt = new Date(this.options.clock.now());
    const run: TaskRun = {
      controller: new AbortController(),
      startedAt,
      timesOutAt: new Date(startedAt.getTime() + this.schedule.timeoutMs),
      cancelled: false,
    };
    this.#run = run;
    this.#state = 'running';
    const running = runTaskFunction(run, this.fn, {
      taskId: this.taskId,
      timeoutMs: this.schedule.timeoutMs,
      signals: [this.options.shutdownSignal, this.options.taskSignal],
      logger: this.options.logger,
      clock: this.options.clock,
    });
    // The run has started (TEST-238); the loop is busy again once it returns.
    this.#sleeper.rest();
    const result = await running;
    this.#sleeper.busy();
    this.#run = undefined;
    this.#state = 'idle';
    if (!run.cancelled) {
      this.#lastRunEndedAt = new Date(this.options.clock.now());
      this.#lastRunError = result.error === undefined ? undefined : serializeRunError(result.error);
    }
  }

  async trigger(): Promise<void> {
    if (this.#run !== undefined && !this.#run.cancelled) {
      throw taskErrors.running(this.options.pluginId, this.taskId);
    }
    this.#nextDue = this.options.clock.now();
    this.#wake.abort();
  }

  async cancel(): Promise<void> {
    const run = this.#run;
    if (run === undefined || run.cancelled) {
      throw taskErrors.notRunning(this.options.pluginId, this.taskId);
    }
    // SCHED-090, SCHED-093: the task reads as idle with a cancelled last run from now on, even
    // if the function ignores its signal for a while.
    run.cancelled = true;
    this.#lastRunEndedAt = new Date(this.options.clock.now());
    this.#lastRunError = serializeRunError(new Error('Task was cancelled'));
    run.controller.abort(new Error('Task was cancelled'));
  }

  async taskState(): Promise<TaskState> {
    const last = {
      ...(this.#lastRunEndedAt === undefined
        ? {}
        : { lastRunEndedAt: this.#lastRunEndedAt.toISOString() }),
      ...(this.#lastRunError === undefined ? {} : { lastRunError: this.#lastRunError }),
    };
    const run = this.#run;
    if (run !== undefined && !run.cancelled) {
      return {
        status: 'running',
        startedAt: run.startedAt.toISOString(),
        timesOutAt: run.timesOutAt.toISOString(),
        ...last,
      };
    }
    return {
      status: 'idle',
      ...(Number.isFinite(this.#nextDue)
        ? { startsAt: new Date(this.#nextDue).toISOString() }
        : {}),
      ...last,
    };
  }

  workerState(): WorkerState {
    return {
      status:
        this.#run !== undefined && !this.#run.cancelled
          ? 'running'
          : this.#state === 'running'
            ? 'idle'
            : this.#state,
    };
  }
}
