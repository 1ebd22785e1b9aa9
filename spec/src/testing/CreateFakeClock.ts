import type { FakeClock } from './FakeClock.js';

/**
 * The signature of `createFakeClock`: a {@link FakeClock} starting at `now`, or at the real time
 * of the call.
 *
 * **When to use**: at the start of a scenario test.
 *
 * @requirement TEST-231
 * @see {@link FakeClock}
 * @category testing
 * @since 0.1.0
 */
export type CreateFakeClock = (options?: {
  /** The start time, in milliseconds since the epoch. */
  now?: number;
}) => FakeClock;
