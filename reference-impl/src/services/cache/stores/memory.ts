import type { Clock } from '../Clock.js';
import type { CacheStore } from './CacheStore.js';

interface Entry {
  readonly value: string;
  /** Clock time from which the entry is gone; undefined for no expiry. */
  readonly expiresAt: number | undefined;
}

/** How many writes pass between sweeps of expired entries nobody read again. */
const SWEEP_EVERY = 1_000;

/**
 * The `memory` store: entries in this process only (CACHE-062). An entry set at `t` with TTL `d`
 * is returned while `now - t < d` and never from `now - t >= d` on (CACHE-045, CACHE-046); nothing
 * is evicted early (CACHE-049). Time comes from the injected clock.
 */
export class MemoryStore implements CacheStore {
  readonly name = 'memory';
  readonly #entries = new Map<string, Entry>();
  readonly #clock: Clock;
  #writesSinceSweep = 0;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== undefined && this.#clock.now() >= entry.expiresAt) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlMs: number | undefined): Promise<void> {
    const expiresAt = ttlMs === undefined ? undefined : this.#clock.now() + ttlMs;
    this.#entries.set(key, { value, expiresAt });
    if (++this.#writesSinceSweep >= SWEEP_EVERY) this.#sweep();
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }

  /** Drops expired entries so that keys written once and never read do not pile up. */
  #sweep(): void {
    this.#writesSinceSweep = 0;
    const now = this.#clock.now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt !== undefined && now >= entry.expiresAt) this.#entries.delete(key);
    }
  }
}
