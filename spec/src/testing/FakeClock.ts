import type { HumanDuration } from '../time/HumanDuration.js';

/**
 * A clock whose time only moves when the test says so, driving the scheduler and cache expiry
 * of a test backend.
 *
 * **When to use**: pass it as `clock` to `startTestBackend`, then `advance` it to make scheduled
 * tasks run and cache entries expire, in milliseconds of real time.
 *
 * **Details**: it replaces no global (`Date`, `setTimeout`, ...), so it works alongside a test
 * runner's own fake timers. `advance` fires the timers that fall due, in order, with `now()`
 * reporting each timer's due time while it fires, and resolves once everything they started has
 * settled.
 *
 * @requirement TEST-231
 * @requirement TEST-232
 * @requirement TEST-233
 * @requirement TEST-234
 * @requirement TEST-235
 * @see {@link CreateFakeClock}
 * @category testing
 * @since 0.1.0
 */
export interface FakeClock {
  /** The current fake time, in milliseconds since the epoch. */
  now: () => number;
  /** Moves the time forward and fires every timer that falls due. */
  advance: (duration: number | HumanDuration) => Promise<void>;
}
