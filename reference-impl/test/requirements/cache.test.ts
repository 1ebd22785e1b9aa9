import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { CacheManager } from '../../src/services/cache/CacheManager.js';
import type { Clock } from '../../src/services/cache/Clock.js';
import { backendConfig } from '../helpers/configFromData.js';

const REDIS_VAR = 'OPENSTAGE_TEST_REDIS_CONNECTION_STRING';
const redisUrl = process.env[REDIS_VAR];
if (!redisUrl) {
  console.info(`cache requirements: redis and valkey tests skipped, set ${REDIS_VAR} to run them`);
}

class FakeClock implements Clock {
  time = 5_000_000;
  now(): number {
    return this.time;
  }
}

/** The store config that puts every key of `store` under `namespace`. */
function prefixed(store: 'redis' | 'valkey', namespace: string): Record<string, unknown> {
  return store === 'redis'
    ? { redis: { client: { namespace } } }
    : { valkey: { client: { keyPrefix: `${namespace}:` } } };
}

/** Deletes every key matching `pattern` in database `db` of the test server. */
async function cleanup(db: number, pattern: string): Promise<void> {
  const admin = new Redis(redisUrl!, { db });
  try {
    const keys = await admin.keys(pattern);
    if (keys.length > 0) await admin.del(...keys);
  } finally {
    admin.disconnect();
  }
}

describe('cache stores', () => {
  it('CACHE-049: the memory store keeps an entry until its TTL has elapsed, even under heavy writes', async () => {
    const clock = new FakeClock();
    const manager = CacheManager.fromConfig(backendConfig('cache', {}), { clock });
    try {
      const cache = manager.forPlugin('p');
      await cache.set('kept', 'v', { ttl: 10_000 });
      await cache.set('forever', 'f');
      // Enough short-lived writes to make the store sweep expired entries several times.
      for (let i = 0; i < 3_500; i++) {
        await cache.set(`noise-${i}`, i, { ttl: 1 });
        if (i % 1_000 === 0) clock.time += 1_000;
      }
      clock.time = 5_000_000 + 9_999;
      for (let i = 0; i < 1_100; i++) await cache.set(`more-${i}`, i, { ttl: 1 });
      expect(await cache.get('kept')).toBe('v');
      expect(await cache.get('forever')).toBe('f');
      clock.time = 5_000_000 + 10_000;
      expect(await cache.get('kept')).toBeUndefined();
    } finally {
      await manager.stop();
    }
  });

  for (const store of ['memory', 'redis', 'valkey'] as const) {
    it.skipIf(store !== 'memory' && !redisUrl)(
      `CACHE-063: the ${store} store is supported (redis and valkey need ${REDIS_VAR}; valkey speaks the same protocol)`,
      async () => {
        const namespace = `os_req_${randomUUID().slice(0, 8)}`;
        const cache = store === 'memory' ? {} : { store, connection: redisUrl };
        const manager = CacheManager.fromConfig(
          backendConfig('cache', {
            ...cache,
            ...(store === 'memory' ? {} : prefixed(store, namespace)),
          }),
        );
        try {
          const a = manager.forPlugin('a');
          await a.set('k', { n: 1 });
          expect(await a.get('k')).toEqual({ n: 1 });
          expect(await manager.forPlugin('b').get('k')).toBeUndefined();
        } finally {
          await manager.stop();
          if (store !== 'memory') await cleanup(0, `${namespace}*`);
        }
      },
    );
  }

  it.skipIf(!redisUrl)(
    `CACHE-066: redis and valkey accept a connection URL with user, password and database (needs ${REDIS_VAR})`,
    async () => {
      const tag = randomUUID().replace(/-/g, '').slice(0, 8);
      const user = `os_req_${tag}`;
      const password = `pw_${tag}`;
      const admin = new Redis(redisUrl!);
      // A user that exists only for this test, so the URL's credentials are really checked.
      await admin.call('ACL', 'SETUSER', user, 'on', `>${password}`, '~*', '+@all');
      try {
        const url = new URL(redisUrl!);
        url.username = user;
        url.password = password;
        url.pathname = '/7';
        for (const store of ['redis', 'valkey'] as const) {
          const namespace = `os_req_${tag}_${store}`;
          const manager = CacheManager.fromConfig(
            backendConfig('cache', {
              store,
              connection: url.toString(),
              ...prefixed(store, namespace),
            }),
          );
          try {
            await manager.forPlugin('p').set('k', 'v');
            const inDb7 = new Redis(redisUrl!, { db: 7 });
            try {
              expect((await inDb7.keys(`${namespace}*`)).length).toBe(1);
            } finally {
              inDb7.disconnect();
            }
            expect(await admin.keys(`${namespace}*`)).toEqual([]);
          } finally {
            await manager.stop();
            await cleanup(7, `${namespace}*`);
          }
        }
        // A wrong password in the URL is refused, so the credentials above were used.
        // (Store failures do not reach the caller, so the check is that nothing was written.)
        url.password = 'wrong';
        const namespace = `os_req_${tag}_wrong`;
        const bad = CacheManager.fromConfig(
          backendConfig('cache', {
            store: 'redis',
            connection: url.toString(),
            ...prefixed('redis', namespace),
          }),
        );
        try {
          await bad
            .forPlugin('p')
            .set('k', 'v')
            .catch(() => undefined);
          const inDb7 = new Redis(redisUrl!, { db: 7 });
          try {
            expect(await inDb7.keys(`${namespace}*`)).toEqual([]);
          } finally {
            inDb7.disconnect();
          }
        } finally {
          await bad.stop().catch(() => undefined);
          await cleanup(7, `${namespace}*`);
        }
      } finally {
        await admin.call('ACL', 'DELUSER', user);
        admin.disconnect();
      }
    },
  );
});
