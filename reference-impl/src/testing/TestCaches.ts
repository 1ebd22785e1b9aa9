import type {
  TestCacheConnection,
  TestCacheId,
  TestCaches as TestCachesShape,
} from '@openstage/spec';
import { Redis } from 'ioredis';
import { TestKitError } from './TestKitError.js';

type Store = 'memory' | 'redis' | 'valkey' | 'memcache';

/** Every id the kit knows (TEST-212, TEST-213), with its store and connection-string variable. */
const KNOWN: ReadonlyArray<{ id: TestCacheId; store: Store; env?: string }> = [
  { id: 'MEMORY', store: 'memory' },
  { id: 'REDIS', store: 'redis', env: 'OPENSTAGE_TEST_REDIS_CONNECTION_STRING' },
  { id: 'VALKEY', store: 'valkey', env: 'OPENSTAGE_TEST_VALKEY_CONNECTION_STRING' },
  { id: 'REDIS_7', store: 'redis', env: 'BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING' },
  { id: 'VALKEY_8', store: 'valkey', env: 'BACKSTAGE_TEST_CACHE_VALKEY8_CONNECTION_STRING' },
  {
    id: 'MEMCACHED_1',
    store: 'memcache',
    env: 'BACKSTAGE_TEST_CACHE_MEMCACHED1_CONNECTION_STRING',
  },
];

function connectionOf(id: TestCacheId): string | undefined {
  const env = KNOWN.find((k) => k.id === id)?.env;
  const value = env === undefined ? undefined : process.env[env];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Fresh cache stores for tests (TEST-211 to TEST-221): the memory store always, Redis and Valkey
 * when their connection-string variables are set. `init` empties the store it describes, so a
 * test starts with no entries.
 *
 * **Details**: Redis and Valkey stores are emptied with `FLUSHDB`. A URL that names no database
 * number gets database 15, so the flush never touches the default database 0 of a server other
 * things share; name a number in the URL (`redis://host:6379/3`) to choose another.
 */
export class TestCaches implements TestCachesShape {
  readonly #ids: readonly TestCacheId[];

  static create(options: { ids?: TestCacheId[] } = {}): TestCaches {
    return new TestCaches(options.ids ?? KNOWN.map((k) => k.id));
  }

  private constructor(ids: readonly TestCacheId[]) {
    for (const id of ids) {
      if (!KNOWN.some((k) => k.id === id))
        throw new TypeError(
          `Unknown test cache id '${id}', expected one of ${KNOWN.map((k) => k.id).join(', ')}`,
        );
    }
    this.#ids = ids;
  }

  supports = (id: TestCacheId): boolean => {
    if (!this.#ids.includes(id)) return false;
    const store = KNOWN.find((k) => k.id === id)?.store;
    // The cache service has no memcache store (CACHE-064), so MEMCACHED_1 never is.
    return store === 'memory' || (store !== 'memcache' && connectionOf(id) !== undefined);
  };

  eachSupportedId = (): Array<[TestCacheId]> =>
    this.#ids.filter((id) => this.supports(id)).map((id) => [id]);

  init = async (id: TestCacheId): Promise<TestCacheConnection> => {
    if (!this.supports(id)) {
      const supported = this.#ids.filter((i) => this.supports(i));
      const env = KNOWN.find((k) => k.id === id)?.env;
      throw new TestKitError('TEST_UNSUPPORTED_CACHE', {
        id,
        supported,
        ...(env === undefined ? {} : { env }),
      });
    }
    const known = KNOWN.find((k) => k.id === id)!;
    // A memory store is private to each backend, so it starts empty by construction (TEST-220).
    if (known.store === 'memory') return { store: 'memory', connection: '' };
    const connection = withTestDatabase(connectionOf(id)!);
    const client = new Redis(connection, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await client.connect();
      await client.flushdb();
    } finally {
      client.disconnect();
    }
    return { store: known.store, connection };
  };
}

/** The URL with database 15 when it names none (see the class documentation). */
function withTestDatabase(connection: string): string {
  try {
    const url = new URL(connection);
    if (url.pathname === '' || url.pathname === '/') url.pathname = '/15';
    return url.toString();
  } catch {
    // Not a URL (ioredis also accepts other forms); used as given.
    return connection;
  }
}
