import type {
  CacheService,
  CacheServiceOptions,
  CacheServiceSetOptions,
  JsonValue,
} from '@openstage/spec';
import { CacheError } from './CacheError.js';
import { encodeCacheKey } from './encodeCacheKey.js';
import type { StoreHealth } from './StoreHealth.js';
import type { CacheStore } from './stores/CacheStore.js';
import { ttlToMilliseconds } from './ttlToMilliseconds.js';

/** What a plugin's cache client needs; shared by the clients `withOptions` derives. */
export interface CacheClientContext {
  readonly store: CacheStore;
  readonly pluginId: string;
  /** Put in front of every encoded key: the plugin's namespace in the store (CACHE-031). */
  readonly namespace: string;
  readonly health: StoreHealth;
}

/**
 * The `cache` service of one plugin. Values travel as JSON text, so callers never share objects
 * with the store (CACHE-011, CACHE-013, CACHE-014); arguments are checked before the store is
 * touched (CACHE-015, CACHE-050, CACHE-080); store failures become misses and no-ops
 * (CACHE-072 to CACHE-074).
 */
export class CacheClient implements CacheService {
  readonly #context: CacheClientContext;
  readonly #defaultTtlMs: number | undefined;

  constructor(context: CacheClientContext, defaultTtlMs: number | undefined) {
    this.#context = context;
    this.#defaultTtlMs = defaultTtlMs;
  }

  async get<TValue extends JsonValue>(key: string): Promise<TValue | undefined> {
    const storeKey = this.#storeKey(key);
    let text: string | undefined;
    try {
      text = await this.#context.store.get(storeKey);
    } catch (error) {
      this.#context.health.failed('get', error);
      return undefined;
    }
    this.#context.health.succeeded();
    return text === undefined ? undefined : (JSON.parse(text) as TValue);
  }

  async set(key: string, value: JsonValue, options?: CacheServiceSetOptions): Promise<void> {
    const ttl =
      options?.ttl === undefined
        ? this.#defaultTtlMs
        : ttlToMilliseconds(options.ttl, 'ttl', { pluginId: this.#context.pluginId });
    const text = this.#serialise(key, value);
    try {
      await this.#context.store.set(this.#storeKey(key), text, ttl);
    } catch (error) {
      this.#context.health.failed('set', error);
      return;
    }
    this.#context.health.succeeded();
  }

  async delete(key: string): Promise<void> {
    try {
      await this.#context.store.delete(this.#storeKey(key));
    } catch (error) {
      this.#context.health.failed('delete', error);
      return;
    }
    this.#context.health.succeeded();
  }

  withOptions(options: CacheServiceOptions): CacheService {
    // CACHE-009: an option left out keeps this instance's value.
    const defaultTtl =
      options.defaultTtl === undefined
        ? this.#defaultTtlMs
        : ttlToMilliseconds(options.defaultTtl, 'defaultTtl', { pluginId: this.#context.pluginId });
    return new CacheClient(this.#context, defaultTtl);
  }

  #storeKey(key: string): string {
    return `${this.#context.namespace}${encodeCacheKey(key)}`;
  }

  #serialise(key: string, value: unknown): string {
    let text: string | undefined;
    let cause: unknown;
    try {
      text = JSON.stringify(value);
    } catch (error) {
      cause = error;
    }
    // JSON.stringify gives undefined for undefined, functions and symbols, and throws for bigints
    // and cycles.
    if (text === undefined) {
      throw new CacheError(
        'CACHE_INVALID_VALUE',
        {
          pluginId: this.#context.pluginId,
          key,
          valueType: typeof value,
          ...(cause instanceof Error ? { reason: cause.message } : {}),
        },
        { cause },
      );
    }
    return text;
  }
}
