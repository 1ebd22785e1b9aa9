/** A client's counter in the current window. */
export interface RateLimitHit {
  /** Requests counted in the window, including this one. */
  count: number;
  /** When the window ends, in epoch milliseconds. */
  resetAt: number;
}

/**
 * Where a rate limit keeps its counters (RHTTP-064): in memory by default, or in Redis so that
 * several backend instances share them.
 *
 * **Details**: `increment` may answer synchronously, so that the in-memory store costs no promise
 * per request. Keys are already prefixed per limiter, so limits sharing one Redis server keep
 * their counters apart (HTTP-035).
 */
export interface RateLimitStore {
  increment(key: string): RateLimitHit | Promise<RateLimitHit>;
  /** Takes back one request of the window that `hit` belongs to (skipped requests). */
  decrement(key: string, hit: RateLimitHit): void | Promise<void>;
  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
}
