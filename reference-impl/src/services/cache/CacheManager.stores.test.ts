import { randomUUID } from 'node:crypto';
import type { CacheService, JsonObject } from '@openstage/spec';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CacheManager } from './CacheManager.js';
import type { Clock } from './Clock.js';
import { backendConfig } from '../../../test/helpers/configFromData.js';

/*
 * The same behavioural tests on every store: memory always, Redis and Valkey (the Valkey store
 * speaks the same protocol, so it runs against the Redis server) when
 * OPENSTAGE_TEST_REDIS_CONNECTION_STRING is set. Every shared-store test uses its own namespace
 * and deletes its keys afterwards.
 */

const REDIS_VAR = 'OPENSTAGE_TEST_REDIS_CONNECTION_STRING';
const redisUrl = process.env[REDIS_VAR];
if (!redisUrl) {
  console.info(
    `[cache store tests] skipped stores: redis, valkey (set ${REDIS_VAR}, e.g. redis://127.0.0.1:6379). The memory store still runs.`,
  );
}

/** A clock the memory store reads; shared stores expire in real time instead. */
class FakeClock implements Clock {
  time = 1_000_000;
  now(): number {
    return this.time;
  }
}

interface StoreCase {
  readonly name: string;
  readonly skipReason: string | undefined;
  readonly sharedStore: boolean;
  /** The cache config for one test, and the key pattern it writes under. */
  config(tag: string): { cache: Record<string, unknown>; pattern: string };
}

const stores: StoreCase[] = [
  {
    name: 'memory',
    skipReason: undefined,
    sharedStore: false,
    config: () => ({ cache: {}, pattern: '' }),
  },
  {
    name: 'redis',
    skipReason: redisUrl ? undefined : `set ${REDIS_VAR}`,
    sharedStore: true,
    config: (tag) => ({
      cache: {
        store: 'redis',
        connection: redisUrl,
        redis: { client: { namespace: `os_test_${tag}` } },
      },
      pattern: `os_test_${tag}:*`,
    }),
  },
  {
    name: 'valkey',
    skipReason: redisUrl ? undefined : `set ${REDIS_VAR}`,
    sharedStore: true,
    config: (tag) => ({
      cache: {
        store: 'valkey',
        connection: { url: redisUrl },
        valkey: { client: { keyPrefix: `os_test_${tag}|` } },
      },
      pattern: `os_test_${tag}|*`,
    }),
  },
];

const until = async (check: () => Promise<boolean>): Promise<void> => {
  // Shared stores expire in real time; poll briefly rather than sleep a fixed long time.
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not reached');
};

for (const store of stores) {
  const title = store.skipReason ? `${store.name} (skipped: ${store.skipReason})` : store.name;
  describe.skipIf(store.skipReason !== undefined)(`cache on the ${title} store`, () => {
    const managers: CacheManager[] = [];
    const patterns: string[] = [];
    let clock: FakeClock;

    function manager(
      extra: Record<string, unknown> = {},
      tag = randomUUID().slice(0, 8),
    ): CacheManager {
      const { cache, pattern } = store.config(tag);
      if (pattern) patterns.push(pattern);
      const m = CacheManager.fromConfig(backendConfig('cache', { ...cache, ...extra }), { clock });
      managers.push(m);
      return m;
    }
    function cacheFor(pluginId: string, extra?: Record<string, unknown>): CacheService {
      clock = new FakeClock();
      return manager(extra).forPlugin(pluginId);
    }

    afterEach(async () => {
      await Promise.all(managers.splice(0).map((m) => m.stop()));
    });
    afterAll(async () => {
      if (!redisUrl || patterns.length === 0) return;
      const admin = new Redis(redisUrl);
      try {
        for (const pattern of patterns) {
          const keys = await admin.keys(pattern);
          if (keys.length > 0) await admin.del(...keys);
        }
      } finally {
        await admin.quit();
      }
    });

    it('CACHE-002/CACHE-003: get resolves to the value set, undefined for a missing key', async () => {
      const cache = cacheFor('todo');
      expect(await cache.get('missing')).toBeUndefined();
      await cache.set('k', { a: [1, 'two', true, null] });
      expect(await cache.get('k')).toEqual({ a: [1, 'two', true, null] });
    });

    it('CACHE-004/CACHE-005/CACHE-006: set replaces, delete removes, deleting nothing is fine', async () => {
      const cache = cacheFor('todo');
      await cache.set('k', 1);
      await cache.set('k', 2);
      expect(await cache.get('k')).toBe(2);
      await cache.delete('k');
      expect(await cache.get('k')).toBeUndefined();
      await expect(cache.delete('never-set')).resolves.toBeUndefined();
    });

    it('CACHE-011/CACHE-012: values come back as their JSON round trip, null distinct from missing', async () => {
      const cache = cacheFor('todo');
      await cache.set('n', null);
      expect(await cache.get('n')).toBeNull();
      // JsonObject allows an undefined property; the stores drop it the way JSON does.
      const value: JsonObject = {
        nested: { list: [1.5, -0, 'x'] },
        dropped: undefined,
      };
      await cache.set('v', value);
      expect(await cache.get('v')).toEqual(JSON.parse(JSON.stringify(value)));
      await cache.set('s', '');
      expect(await cache.get('s')).toBe('');
      await cache.set('zero', 0);
      expect(await cache.get('zero')).toBe(0);
    });

    it('CACHE-013/CACHE-014: later mutations of stored or returned objects do not leak into the cache', async () => {
      const cache = cacheFor('todo');
      const value = { list: [1] };
      await cache.set('k', value);
      value.list.push(2);
      const first = await cache.get<{ list: number[] }>('k');
      expect(first).toEqual({ list: [1] });
      first!.list.push(3);
      expect(await cache.get('k')).toEqual({ list: [1] });
    });

    it('CACHE-021/CACHE-022/CACHE-023/CACHE-024: any string is a key; distinct strings are distinct keys', async () => {
      const cache = cacheFor('todo');
      const long = 'x'.repeat(400);
      const keys = [
        '',
        'Key',
        'key',
        'caf\u00e9',
        'cafe\u0301',
        '\u{1F600}',
        `${long}a`,
        `${long}b`,
      ];
      for (const [i, key] of keys.entries()) await cache.set(key, i);
      for (const [i, key] of keys.entries()) expect(await cache.get(key)).toBe(i);
    });

    it("CACHE-031/CACHE-032/CACHE-033: plugins never see or delete each other's entries", async () => {
      clock = new FakeClock();
      const m = manager();
      const a = m.forPlugin('alpha');
      const b = m.forPlugin('beta');
      await a.set('shared', 'from-alpha');
      expect(await b.get('shared')).toBeUndefined();
      await b.set('shared', 'from-beta');
      await b.delete('shared');
      expect(await a.get('shared')).toBe('from-alpha');
      // A module gets the plugin's service from the same manager: same entries.
      expect(await m.forPlugin('alpha').get('shared')).toBe('from-alpha');
    });

    it('CACHE-007/CACHE-008/CACHE-009: withOptions shares entries and keeps unset options', async () => {
      const cache = cacheFor('todo', { defaultTtl: 60_000 });
      const short = cache.withOptions({ defaultTtl: 50 });
      await short.set('k', 'v');
      expect(await cache.get('k')).toBe('v');
      const same = short.withOptions({});
      await same.set('k2', 'v2');
      if (store.sharedStore) {
        await until(
          async () => (await cache.get('k')) === undefined && (await cache.get('k2')) === undefined,
        );
      } else {
        clock.time += 50;
        expect(await cache.get('k')).toBeUndefined();
        expect(await cache.get('k2')).toBeUndefined();
      }
      // The original instance still has the config default of one minute.
      await cache.set('long', 'v');
      if (!store.sharedStore) clock.time += 59_999;
      expect(await cache.get('long')).toBe('v');
    });

    it('CACHE-041/CACHE-043/CACHE-045/CACHE-046/CACHE-047: an entry expires once its ttl has elapsed', async () => {
      const cache = cacheFor('todo');
      await cache.set('ms', 'v', { ttl: 40 });
      await cache.set('human', 'v', { ttl: { milliseconds: 40 } });
      await cache.set('forever', 'v');
      expect(await cache.get('ms')).toBe('v');
      if (store.sharedStore) {
        await until(
          async () =>
            (await cache.get('ms')) === undefined && (await cache.get('human')) === undefined,
        );
      } else {
        clock.time += 39;
        expect(await cache.get('ms')).toBe('v');
        clock.time += 1;
        expect(await cache.get('ms')).toBeUndefined();
        expect(await cache.get('human')).toBeUndefined();
        clock.time += 10 * 365 * 24 * 3_600_000;
      }
      // CACHE-048: no TTL, no expiry.
      expect(await cache.get('forever')).toBe('v');
    });

    it.skipIf(!store.sharedStore)(
      "CACHE-034: two backend instances on the same store share a plugin's entries",
      async () => {
        clock = new FakeClock();
        const tag = randomUUID().slice(0, 8);
        const first = manager({}, tag).forPlugin('todo');
        const second = manager({}, tag).forPlugin('todo');
        await first.set('k', 'v');
        expect(await second.get('k')).toBe('v');
      },
    );

    it.skipIf(store.sharedStore)(
      'CACHE-062: two backend instances on the memory store never share entries',
      async () => {
        clock = new FakeClock();
        await manager().forPlugin('todo').set('k', 'v');
        expect(await manager().forPlugin('todo').get('k')).toBeUndefined();
      },
    );
  });
}

describe.skipIf(!redisUrl)(
  `redis key layout${redisUrl ? '' : ` (skipped: set ${REDIS_VAR})`}`,
  () => {
    it('CACHE-025/CACHE-035: entries live under <namespace>:<pluginId>:<base64 key>, long keys hashed', async () => {
      const namespace = `os_test_${randomUUID().slice(0, 8)}`;
      const manager = CacheManager.fromConfig(
        backendConfig('cache', {
          store: 'redis',
          connection: redisUrl,
          redis: { client: { namespace } },
        }),
      );
      const admin = new Redis(redisUrl!);
      try {
        const cache = manager.forPlugin('todo');
        await cache.set('hello', 1);
        await cache.set('y'.repeat(300), 2);
        const keys = (await admin.keys(`${namespace}:*`)).sort();
        const hashed = (await import('node:crypto'))
          .createHash('sha256')
          .update('y'.repeat(300))
          .digest('base64');
        expect(keys).toEqual(
          [
            `${namespace}:todo:${Buffer.from('hello').toString('base64')}`,
            `${namespace}:todo:${hashed}`,
          ].sort(),
        );
        await admin.del(...keys);
      } finally {
        await admin.quit();
        await manager.stop();
      }
    });
  },
);
