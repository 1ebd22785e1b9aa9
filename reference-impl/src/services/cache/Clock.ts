/**
 * The source of the current time for TTLs and warning rate limits. Injected so that tests, and
 * the model-based test in particular, can move time forward deterministically.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };
