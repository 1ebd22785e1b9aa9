import type { CacheService, Config, LoggerService, RootLifecycleService } from '@openstage/spec';
import { CacheClient } from './CacheClient.js';
import { CacheError } from './CacheError.js';
import { systemClock, type Clock } from './Clock.js';
import { readDefaultTtl } from './readDefaultTtl.js';
import { StoreHealth } from './StoreHealth.js';
import type { CacheStore } from './stores/CacheStore.js';
import { MemoryStore } from './stores/memory.js';
import { RedisStore } from './stores/redis.js';

/** Options of {@link CacheManager.fromConfig}. */
export interface CacheManagerOptions {
  /** Receives store-unavailable warnings of plugins that are not given their own logger. */
  logger?: LoggerService;
  /** Time source of the memory store's TTLs and of warning rate limits. */
  clock?: Clock;
  /** When given, the store connection is closed in the root shutdown phase. */
  rootLifecycle?: Pick<RootLifecycleService, 'addShutdownHook'>;
}

/** Stores this implementation supports (CACHE-063); memcache and infinispan are not (CACHE-064). */
const supportedStores = ['memory', 'redis', 'valkey'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The password of a store URL, so that warnings can leave it out (CACHE-078). */
function secretsOf(url: string, extra: unknown): string[] {
  const secrets: string[] = [];
  try {
    const parsed = new URL(url);
    if (parsed.password) secrets.push(parsed.password, decodeURIComponent(parsed.password));
  } catch {
    // Not a URL; ioredis will report it through failing calls.
  }
  if (typeof extra === 'string' && extra) secrets.push(extra);
  return secrets;
}

/**
 * The root context of the cache service: reads `backend.cache` once, opens one store shared by all
 * plugins, and hands each plugin a client namespaced by its id (CACHE-031, CACHE-035).
 */
export class CacheManager {
  readonly #store: CacheStore;
  readonly #defaultTtlMs: number | undefined;
  readonly #clock: Clock;
  readonly #logger: LoggerService | undefined;
  readonly #redact: (text: string) => string;

  /**
   * Reads `backend.cache`; rejects an unsupported store (CACHE-065), a shared store without a
   * connection (CACHE-067) and an invalid default TTL (CACHE-052). An unreachable store is not an
   * error here (CACHE-071).
   */
  static fromConfig(config: Config, options: CacheManagerOptions = {}): CacheManager {
    const clock = options.clock ?? systemClock;
    const defaultTtlMs = readDefaultTtl(config);
    const store = config.getOptional<unknown>('backend.cache.store') ?? 'memory';
    if (!supportedStores.includes(store as (typeof supportedStores)[number])) {
      throw new CacheError('CACHE_UNSUPPORTED_STORE', {
        configPath: 'backend.cache.store',
        store: String(JSON.stringify(store)),
        supported: [...supportedStores],
      });
    }
    let manager: CacheManager;
    if (store === 'memory') {
      manager = new CacheManager(new MemoryStore(clock), defaultTtlMs, clock, options.logger, []);
    } else {
      const name = store as 'redis' | 'valkey';
      rejectClusterOption(config, name);
      const connection = config.getOptional<unknown>('backend.cache.connection');
      const url =
        typeof connection === 'string'
          ? connection
          : isPlainObject(connection)
            ? connection['url']
            : undefined;
      if (typeof url !== 'string' || url === '') {
        throw new CacheError('CACHE_MISSING_CONNECTION', {
          configPath: 'backend.cache.connection',
          store: name,
        });
      }
      const { url: _url, ...clientOptions } = isPlainObject(connection) ? connection : {};
      const prefix = storePrefix(config, name);
      const redisStore = new RedisStore({ name, url, keyPrefix: prefix, clientOptions });
      manager = new CacheManager(
        redisStore,
        defaultTtlMs,
        clock,
        options.logger,
        secretsOf(url, clientOptions['password']),
      );
    }
    options.rootLifecycle?.addShutdownHook(() => manager.stop());
    return manager;
  }

  private constructor(
    store: CacheStore,
    defaultTtlMs: number | undefined,
    clock: Clock,
    logger: LoggerService | undefined,
    secrets: string[],
  ) {
    this.#store = store;
    this.#defaultTtlMs = defaultTtlMs;
    this.#clock = clock;
    this.#logger = logger;
    this.#redact = (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
  }

  /**
   * The `cache` service of one plugin; its modules share it (CACHE-033). Its default TTL is
   * `backend.cache.defaultTtl` (CACHE-044).
   */
  forPlugin(pluginId: string, options: { logger?: LoggerService } = {}): CacheService {
    const health = new StoreHealth({
      logger: options.logger ?? this.#logger,
      clock: this.#clock,
      storeName: this.#store.name,
      pluginId,
      redact: this.#redact,
    });
    return new CacheClient(
      { store: this.#store, pluginId, namespace: `${pluginId}:`, health },
      this.#defaultTtlMs,
    );
  }

  /** Closes the store connection. */
  async stop(): Promise<void> {
    await this.#store.close();
  }
}

/**
 * The prefix a shared store puts before each plugin's namespace: `backend.cache.redis.client.
 * namespace` plus its separator (default `:`) for redis, `backend.cache.valkey.client.keyPrefix`
 * as it is for valkey (CACHE-035, CACHE-068).
 */
function storePrefix(config: Config, name: 'redis' | 'valkey'): string {
  if (name === 'valkey') {
    return config.getOptional<string>('backend.cache.valkey.client.keyPrefix') ?? '';
  }
  const namespace = config.getOptional<string>('backend.cache.redis.client.namespace');
  if (!namespace) return '';
  return `${namespace}${config.getOptional<string>('backend.cache.redis.client.keyPrefixSeparator') ?? ':'}`;
}

/**
 * This implementation talks to one Redis or Valkey endpoint; it has no cluster client. Cluster
 * settings are refused at startup rather than ignored, so that a backend never silently writes to
 * a single node while the operator believes it uses the cluster (CACHE-069).
 */
function rejectClusterOption(config: Config, name: 'redis' | 'valkey'): void {
  const configPath = `backend.cache.${name}.cluster`;
  if (config.getOptional<unknown>(configPath) === undefined) return;
  throw new CacheError('CACHE_UNSUPPORTED_OPTION', { configPath, store: name });
}
