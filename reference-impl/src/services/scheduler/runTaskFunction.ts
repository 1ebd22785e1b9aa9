import type { LoggerService, SchedulerServiceTaskFunction } from '@openstage/spec';
import type { SchedulerClock } from './SchedulerClock.js';

/** The longest delay Node's `setTimeout` honours. */
const MAX_TIMER_MS = 2_147_483_647;

/** A run in progress: its controller, and when it started and times out. */
export interface TaskRun {
  readonly controller: AbortController;
  readonly startedAt: Date;
  readonly timesOutAt: Date;
  cancelled: boolean;
}

/** The outcome of one run. */
export interface TaskRunResult {
  readonly error?: Error;
}

/**
 * Calls `fn` once with a fresh `AbortSignal` (SCHED-007) that aborts on timeout (SCHED-041), when
 * the task's own signal aborts (SCHED-045) or when the backend shuts down (SCHED-046). A thrown
 * or rejected error is logged with the task id (SCHED-042) and returned, never rethrown, so the
 * worker keeps the task scheduled (SCHED-043).
 */
export async function runTaskFunction(
  run: TaskRun,
  fn: SchedulerServiceTaskFunction,
  options: {
    readonly taskId: string;
    readonly timeoutMs: number;
    readonly signals: ReadonlyArray<AbortSignal | undefined>;
    readonly logger: LoggerService;
    /** Measures the timeout. */
    readonly clock: SchedulerClock;
  },
): Promise<TaskRunResult> {
  const { controller } = run;
  const abort = (): void => controller.abort();
  // Node fires a timer of more than 2^31-1 ms after 1 ms, so a long timeout (`{ days: 30 }`)
  // waits in steps and aborts only once the clock has reached the deadline.
  const deadline = options.clock.now() + options.timeoutMs;
  const expire = (): void => {
    const remaining = deadline - options.clock.now();
    if (remaining > 0) {
      timer = options.clock.setTimeout(expire, Math.min(remaining, MAX_TIMER_MS));
      return;
    }
    controller.abort(new Error(`Task '${options.taskId}' timed out after ${options.timeoutMs} ms`));
  };
  let timer = options.clock.setTimeout(expire, Math.min(options.timeoutMs, MAX_TIMER_MS));
  const signals = options.signals.filter((s): s is AbortSignal => s !== undefined);
  for (const signal of signals) {
    if (signal.aborted) controller.abort();
    else signal.addEventListener('abort', abort, { once: true });
  }
  try {
    await fn(controller.signal);
    return {};
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    if (!run.cancelled) {
      options.logger.error(`Task '${options.taskId}' failed: ${error.message}`, error);
    }
    return { error };
  } finally {
    options.clock.clearTimeout(timer);
    for (const signal of signals) signal.removeEventListener('abort', abort);
  }
}
