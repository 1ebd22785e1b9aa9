import { createRequire } from 'node:module';
import type * as Ioredis from 'ioredis';
import type { Redis, RedisOptions } from 'ioredis';
import type { CacheStore } from './CacheStore.js';

// ioredis is loaded on first use, synchronously (it is CommonJS), so that a backend that is not
// configured for Redis does not spend startup time loading the client.
const require = createRequire(import.meta.url);
const loadIoredis = (): typeof Ioredis => require('ioredis') as typeof Ioredis;

/** Options of {@link RedisStore}. */
export interface RedisStoreOptions {
  /** `redis` or `valkey`: same protocol, same client; the name appears in warnings. */
  readonly name: 'redis' | 'valkey';
  /** A `redis://` or `rediss://` URL (CACHE-066). */
  readonly url: string;
  /** Put in front of every key, such as `<namespace>:` (CACHE-035). */
  readonly keyPrefix: string;
  /** Further ioredis options from the object form of the connection. */
  readonly clientOptions?: RedisOptions;
}

/**
 * The `redis` and `valkey` stores over ioredis. The client is set up so that no call ever waits
 * for the server to come back (CACHE-075): commands fail at once while disconnected instead of
 * queueing, a connection attempt is bounded, and a command without an answer times out. The
 * client keeps reconnecting in the background, so the store recovers by itself (CACHE-079).
 */
export class RedisStore implements CacheStore {
  readonly name: 'redis' | 'valkey';
  readonly #client: Redis;
  /**
   * Settles when the first connection attempt has succeeded or failed. Calls made before then wait
   * for it (at most connectTimeout), so a freshly started backend does not miss on its first
   * requests; later calls never wait.
   */
  #firstAttempt: Promise<void> | undefined;

  constructor(options: RedisStoreOptions) {
    this.name = options.name;
    const { Redis } = loadIoredis();
    this.#client = new Redis(options.url, {
      ...options.clientOptions,
      keyPrefix: options.keyPrefix,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2_000,
      commandTimeout: 2_000,
      // Reconnect for ever, backing off to one attempt every two seconds.
      retryStrategy: (attempt: number) => Math.min(attempt * 100, 2_000),
    });
    // Connection errors surface through the failing commands; without a listener ioredis would
    // also print each one to the console.
    this.#client.on('error', () => undefined);
    this.#firstAttempt = new Promise<void>((resolve) => {
      const settle = (): void => {
        this.#firstAttempt = undefined;
        this.#client.off('ready', settle).off('error', settle).off('end', settle);
        resolve();
      };
      this.#client.once('ready', settle).once('error', settle).once('end', settle);
    });
  }

  async get(key: string): Promise<string | undefined> {
    if (this.#firstAttempt) await this.#firstAttempt;
    return (await this.#client.get(key)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number | undefined): Promise<void> {
    if (this.#firstAttempt) await this.#firstAttempt;
    if (ttlMs === undefined) {
      await this.#client.set(key, value);
    } else {
      // PX takes whole milliseconds of at least 1; rounding up never expires an entry early.
      await this.#client.set(key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
    }
  }

  async delete(key: string): Promise<void> {
    if (this.#firstAttempt) await this.#firstAttempt;
    await this.#client.del(key);
  }

  async close(): Promise<void> {
    if (this.#client.status === 'ready') {
      await this.#client.quit().catch(() => this.#client.disconnect());
    } else {
      this.#client.disconnect();
    }
  }
}
