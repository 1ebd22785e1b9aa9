/**
 * The time source of the scheduler: every time reading and every wait of its workers goes
 * through it, so a test can drive the scheduler with a fake clock instead of real time
 * (TEST-236 to TEST-238).
 */
export interface SchedulerClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` after `ms` milliseconds; a promise it returns is the clock's to await. */
  setTimeout(callback: () => unknown, ms: number): unknown;
  /** Cancels a timer set with {@link SchedulerClock.setTimeout}. */
  clearTimeout(handle: unknown): void;
  /**
   * Told about work in progress during which time must not move on, such as a worker's database
   * round trip between two waits. A fake clock waits for it before firing the next timer; the
   * real clock has no use for it and leaves it out.
   */
  track?(work: Promise<unknown>): void;
}

/** The wall clock and Node's timers. */
export const systemSchedulerClock: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
