import type { SchedulerClock } from './SchedulerClock.js';

/**
 * The waits of one worker loop on a {@link SchedulerClock}. Between two waits the loop counts as
 * busy, and the clock is told (`track`), so that a fake clock fires its next timer only once the
 * loop has set its next wait or started a run (TEST-238) instead of racing the loop's database
 * round trips.
 */
export class LoopSleeper {
  #resting: (() => void) | undefined;

  constructor(private readonly clock: SchedulerClock) {}

  /** Marks the loop busy until the next {@link LoopSleeper.rest} or wait. */
  busy(): void {
    if (this.#resting !== undefined || this.clock.track === undefined) return;
    this.clock.track(new Promise<void>((resolve) => (this.#resting = resolve)));
  }

  /** Marks the loop at rest: a run has started, or the loop has ended. */
  rest(): void {
    const resting = this.#resting;
    this.#resting = undefined;
    resting?.();
  }

  /**
   * Waits `ms` milliseconds of the clock's time, or less when any of `signals` aborts. Never
   * rejects: callers check the signals themselves after waking. The loop is at rest while it
   * waits and busy again from the moment it wakes.
   */
  sleep(ms: number, ...signals: ReadonlyArray<AbortSignal | undefined>): Promise<void> {
    this.rest();
    const active = signals.filter((s): s is AbortSignal => s !== undefined);
    if (active.some((s) => s.aborted)) {
      this.busy();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = (): void => {
        this.clock.clearTimeout(timer);
        for (const s of active) s.removeEventListener('abort', wake);
        this.busy();
        resolve();
      };
      // setTimeout overflows above 2^31-1 ms; waking early just makes the loop check again.
      const timer = this.clock.setTimeout(wake, Math.min(Math.max(0, ms), 2_147_483_647));
      for (const s of active) s.addEventListener('abort', wake, { once: true });
    });
  }
}
