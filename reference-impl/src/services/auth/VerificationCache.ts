/** Options of {@link VerificationCache}. */
export interface VerificationCacheOptions {
  /** Most tokens remembered; the least recently used is dropped first. Default 1000. */
  maxEntries?: number;
  /** Longest time a result is remembered, whatever the token's expiry. Default 5 minutes. */
  maxAgeMs?: number;
  /** Injected for tests; defaults to `Date.now`. */
  now?: () => number;
}

interface Entry<T> {
  value: T;
  until: number;
}

/**
 * A bounded least-recently-used map from token to verification result (AUTH-059). An entry
 * lives until the token expires or `maxAgeMs` passes, whichever is first, so an expired token
 * is always verified again and rejected (AUTH-060). Only successes are stored: a failure may
 * come from a passing network problem.
 */
export class VerificationCache<T> {
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  // A Map iterates in insertion order; re-inserting on access keeps the oldest first.
  readonly #entries = new Map<string, Entry<T>>();

  constructor(options: VerificationCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 1000;
    this.#maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(token: string): T | undefined {
    const entry = this.#entries.get(token);
    if (entry === undefined) return undefined;
    this.#entries.delete(token);
    if (this.#now() >= entry.until) return undefined;
    this.#entries.set(token, entry);
    return entry.value;
  }

  /** Remembers `value` for `token` until `expiresAtMs` (if given) or the maximum age. */
  set(token: string, value: T, expiresAtMs?: number): void {
    if (this.#maxEntries <= 0) return;
    const now = this.#now();
    const until = Math.min(now + this.#maxAgeMs, expiresAtMs ?? Number.POSITIVE_INFINITY);
    if (until <= now) return;
    this.#entries.delete(token);
    this.#entries.set(token, { value, until });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
  }
}
