import type { LoggerService } from '@openstage/spec';
import type { Clock } from './Clock.js';

/** At most one store-unavailable warning per plugin in this many milliseconds (CACHE-077). */
const WARNING_INTERVAL_MS = 60_000;

/**
 * Tracks whether one plugin's store is failing and rate-limits the warnings about it. Shared by
 * every client derived from the plugin's cache with `withOptions`, so they count as one plugin.
 */
export class StoreHealth {
  readonly #logger: LoggerService | undefined;
  readonly #clock: Clock;
  readonly #storeName: string;
  readonly #pluginId: string;
  readonly #redact: (text: string) => string;
  #failing = false;
  #lastWarningAt: number | undefined;

  constructor(options: {
    logger: LoggerService | undefined;
    clock: Clock;
    storeName: string;
    pluginId: string;
    redact: (text: string) => string;
  }) {
    this.#logger = options.logger;
    this.#clock = options.clock;
    this.#storeName = options.storeName;
    this.#pluginId = options.pluginId;
    this.#redact = options.redact;
  }

  /** Records a failed store call and warns unless a warning went out within the last minute. */
  failed(operation: 'get' | 'set' | 'delete', error: unknown): void {
    this.#failing = true;
    const now = this.#clock.now();
    if (this.#lastWarningAt !== undefined && now - this.#lastWarningAt < WARNING_INTERVAL_MS)
      return;
    this.#lastWarningAt = now;
    const reason = this.#redact(error instanceof Error ? error.message : String(error));
    this.#logger?.warn(
      `Cache store '${this.#storeName}' is unavailable for plugin '${this.#pluginId}'; ${operation} falls back to a miss or no-op until it recovers: ${reason}`,
      { plugin: this.#pluginId, store: this.#storeName, operation },
    );
  }

  /** Records a successful store call; after an outage, says the store is back. */
  succeeded(): void {
    if (!this.#failing) return;
    this.#failing = false;
    // A new outage warns straight away instead of waiting out the previous one's minute.
    this.#lastWarningAt = undefined;
    this.#logger?.info(
      `Cache store '${this.#storeName}' is available again for plugin '${this.#pluginId}'`,
      {
        plugin: this.#pluginId,
        store: this.#storeName,
      },
    );
  }
}
