import type { RateLimitHit, RateLimitStore } from './RateLimitStore.js';

/**
 * Fixed-window counters in a `Map`. Expired windows are dropped lazily when the table grows, so
 * the store keeps no timer that could hold the process open.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #windowMs: number;
  readonly #windows = new Map<string, RateLimitHit>();
  #nextSweep = 1000;

  constructor(windowMs: number) {
    this.#windowMs = windowMs;
  }

  increment(key: string): RateLimitHit {
    const now = Date.now();
    let window = this.#windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      if (this.#windows.size >= this.#nextSweep) this.#sweep(now);
      window = { count: 0, resetAt: now + this.#windowMs };
      this.#windows.set(key, window);
    }
    window.count++;
    return window;
  }

  decrement(key: string, hit: RateLimitHit): void {
    // Only the window the request was counted in; a new window starts from zero anyway.
    if (this.#windows.get(key) === hit && hit.count > 0) hit.count--;
  }

  async close(): Promise<void> {
    this.#windows.clear();
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key);
    this.#nextSweep = this.#windows.size + 1000;
  }
}
