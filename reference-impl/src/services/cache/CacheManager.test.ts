import { createServer, connect, type Server, type Socket } from 'node:net';
import type { JsonObject, JsonValue, LoggerService } from '@openstage/spec';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheError } from './CacheError.js';
import { CacheManager } from './CacheManager.js';
import { cacheServiceFactory } from './cacheServiceFactory.js';
import { ServiceFactoryTester } from '../../testing/ServiceFactoryTester.js';
import { mockServices } from '../../testing/mockServices.js';
import type { Clock } from './Clock.js';
import { backendConfig } from '../../../test/helpers/configFromData.js';

class FakeClock implements Clock {
  time = 0;
  now(): number {
    return this.time;
  }
}

/** A logger that records its entries. */
function recordingLogger(): LoggerService & {
  entries: Array<{ level: string; message: string; meta?: Error | JsonObject }>;
} {
  const entries: Array<{ level: string; message: string; meta?: Error | JsonObject }> = [];
  const log = (level: string) => (message: string, meta?: Error | JsonObject) =>
    void entries.push({ level, message, ...(meta ? { meta } : {}) });
  const logger = {
    entries,
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: () => logger,
  };
  return logger;
}

function thrown(fn: () => unknown): CacheError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CacheError);
    return error as CacheError;
  }
  throw new Error('expected a CacheError');
}

async function rejected(promise: Promise<unknown>): Promise<CacheError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CacheError);
  return error as CacheError;
}

const managers: CacheManager[] = [];
function manager(
  cache: Record<string, unknown> | undefined,
  options: { clock?: Clock; logger?: LoggerService } = {},
): CacheManager {
  const m = CacheManager.fromConfig(backendConfig('cache', cache), options);
  managers.push(m);
  return m;
}
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.stop()));
});

describe('cache configuration', () => {
  it('CACHE-061: the store defaults to memory', async () => {
    const cache = manager(undefined).forPlugin('todo');
    await cache.set('k', 'v');
    expect(await cache.get('k')).toBe('v');
  });

  it('CACHE-064/CACHE-065: an unsupported store names the value and backend.cache.store', () => {
    for (const store of ['memcached', 'infinispan', 42]) {
      const error = thrown(() => manager({ store }));
      expect(error.code).toBe('CACHE_UNSUPPORTED_STORE');
      expect(error.configPath).toBe('backend.cache.store');
      expect(error.message).toContain(JSON.stringify(store));
    }
  });

  it('CACHE-069: cluster settings are refused with their config path instead of ignored', () => {
    for (const store of ['redis', 'valkey']) {
      const error = thrown(() =>
        manager({
          store,
          connection: 'redis://127.0.0.1:1',
          [store]: { cluster: { rootNodes: [{ url: 'redis://10.0.0.1:6379' }] } },
        }),
      );
      expect(error.code).toBe('CACHE_UNSUPPORTED_OPTION');
      expect(error.configPath).toBe(`backend.cache.${store}.cluster`);
      expect(error.message).toContain(`backend.cache.${store}.cluster`);
      expect(error.message).toMatch(/point backend\.cache\.connection at a single node/);
    }
    // Settings of a store that is not in use are not read, so they are no reason to fail.
    expect(() => manager({ store: 'memory', redis: { cluster: {} } })).not.toThrow();
  });

  it('CACHE-069: the default cache factory fails at startup on cluster settings', async () => {
    const tester = ServiceFactoryTester.from(cacheServiceFactory, {
      dependencies: [
        mockServices.rootConfig.factory({
          data: {
            backend: {
              cache: { store: 'redis', connection: 'redis://127.0.0.1:1', redis: { cluster: {} } },
            },
          },
        }),
      ],
    });
    await expect(tester.getSubject('catalog')).rejects.toMatchObject({
      code: 'CACHE_UNSUPPORTED_OPTION',
      configPath: 'backend.cache.redis.cluster',
    });
  });

  it('CACHE-067: a shared store without connection names the store and backend.cache.connection', () => {
    for (const store of ['redis', 'valkey']) {
      const error = thrown(() => manager({ store }));
      expect(error.code).toBe('CACHE_MISSING_CONNECTION');
      expect(error.configPath).toBe('backend.cache.connection');
      expect(error.message).toContain(store);
    }
  });

  it('CACHE-044/CACHE-052: backend.cache.defaultTtl accepts ms, objects, ISO 8601 and ms-style strings', async () => {
    for (const defaultTtl of [
      90_000,
      { minutes: 1, seconds: 30 },
      'PT1M30S',
      '90s',
      '1.5 minutes',
    ]) {
      const clock = new FakeClock();
      const cache = manager({ defaultTtl }, { clock }).forPlugin('todo');
      await cache.set('k', 'v');
      clock.time = 89_999;
      expect(await cache.get('k'), JSON.stringify(defaultTtl)).toBe('v');
      clock.time = 90_000;
      expect(await cache.get('k'), JSON.stringify(defaultTtl)).toBeUndefined();
    }
  });

  it('CACHE-052: an invalid backend.cache.defaultTtl fails naming the config path', () => {
    for (const defaultTtl of [
      0,
      -5,
      '5',
      'soon',
      'P',
      { minutes: -1 },
      { fortnights: 1 },
      {},
      true,
    ]) {
      const error = thrown(() => manager({ defaultTtl }));
      expect(error.code, JSON.stringify(defaultTtl)).toBe('CACHE_INVALID_TTL');
      expect(error.configPath).toBe('backend.cache.defaultTtl');
      expect(error.message).toContain('backend.cache.defaultTtl');
    }
  });
});

describe('cache arguments', () => {
  it('CACHE-042: human durations add up with 365-day years and 30-day months', async () => {
    const clock = new FakeClock();
    const cache = manager(undefined, { clock }).forPlugin('todo');
    const d = {
      years: 1,
      months: 1,
      weeks: 1,
      days: 1,
      hours: 1,
      minutes: 1,
      seconds: 1,
      milliseconds: 1,
    };
    const total = ((((365 + 30 + 7 + 1) * 24 + 1) * 60 + 1) * 60 + 1) * 1000 + 1;
    await cache.set('k', 'v', { ttl: d });
    clock.time = total - 1;
    expect(await cache.get('k')).toBe('v');
    clock.time = total;
    expect(await cache.get('k')).toBeUndefined();
  });

  it('CACHE-050/CACHE-080: an invalid ttl rejects and leaves the existing entry unchanged', async () => {
    const cache = manager(undefined).forPlugin('todo');
    await cache.set('k', 'old');
    const bad: unknown[] = [
      0,
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      {},
      { minutes: -1 },
      { minutes: Number.NaN },
      { fortnights: 2 },
      { seconds: 0 },
      '5m',
    ];
    for (const ttl of bad) {
      const error = await rejected(cache.set('k', 'new', { ttl: ttl as number }));
      expect(error.code, String(ttl)).toBe('CACHE_INVALID_TTL');
      expect(error.pluginId).toBe('todo');
    }
    expect(await cache.get('k')).toBe('old');
  });

  it('CACHE-051: withOptions throws on an invalid defaultTtl', () => {
    const cache = manager(undefined).forPlugin('todo');
    expect(() => cache.withOptions({ defaultTtl: 0 })).toThrow(
      expect.objectContaining({ code: 'CACHE_INVALID_TTL' }),
    );
    expect(() => cache.withOptions({ defaultTtl: { hours: -1 } })).toThrow(
      expect.objectContaining({ code: 'CACHE_INVALID_TTL' }),
    );
  });

  it('CACHE-015: a value that is not JSON rejects and leaves the existing entry unchanged', async () => {
    const cache = manager(undefined).forPlugin('todo');
    await cache.set('k', 'old');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    for (const value of [undefined, () => 1, Symbol('s'), 10n, cyclic]) {
      // The cast must stay: the test hands the cache what its JsonValue type forbids, as
      // JavaScript callers can, to check the run-time rejection.
      const error = await rejected(cache.set('k', value as unknown as JsonValue));
      expect(error.code).toBe('CACHE_INVALID_VALUE');
      expect(error.pluginId).toBe('todo');
    }
    expect(await cache.get('k')).toBe('old');
  });
});

describe('cache degraded mode', () => {
  // Port 1 refuses connections at once: the store is down from the start.
  const downUrl = 'redis://:topsecret-pw@127.0.0.1:1';

  it('CACHE-071..CACHE-078: an unreachable store gives misses and no-ops, warns once per minute, leaks no secret', async () => {
    const clock = new FakeClock();
    const logger = recordingLogger();
    const m = manager({ store: 'redis', connection: downUrl }, { clock, logger });
    const cache = m.forPlugin('todo');
    // Each call settles although the store never comes up; the test timeout bounds it.
    await expect(cache.set('k', 'v')).resolves.toBeUndefined();
    await expect(cache.get('k')).resolves.toBeUndefined();
    await expect(cache.delete('k')).resolves.toBeUndefined();
    const warnings = logger.entries.filter((e) => e.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('redis');
    expect(warnings[0]!.message).toContain("'todo'");
    expect(JSON.stringify(logger.entries)).not.toContain('topsecret-pw');
    // Another plugin warns for itself; the first stays quiet until a minute has passed.
    await m.forPlugin('other').get('k');
    expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(2);
    clock.time += 59_999;
    await cache.get('k');
    expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(2);
    clock.time += 1;
    await cache.get('k');
    expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(3);
  }, 10_000);

  it('CACHE-080: invalid arguments still reject while the store is down', async () => {
    const cache = manager(
      { store: 'valkey', connection: downUrl },
      { logger: recordingLogger() },
    ).forPlugin('todo');
    expect((await rejected(cache.set('k', 'v', { ttl: -1 }))).code).toBe('CACHE_INVALID_TTL');
    // The cast must stay: undefined is what the JsonValue type forbids and the check rejects.
    expect((await rejected(cache.set('k', undefined as unknown as JsonValue))).code).toBe(
      'CACHE_INVALID_VALUE',
    );
  }, 10_000);

  const redisUrl = process.env['OPENSTAGE_TEST_REDIS_CONNECTION_STRING'];
  it.skipIf(!redisUrl)(
    `CACHE-079: once the store is back, entries are stored and returned again${redisUrl ? '' : ' (skipped: set OPENSTAGE_TEST_REDIS_CONNECTION_STRING)'}`,
    async () => {
      // A TCP proxy in front of the real server that can be taken down and brought back.
      const target = new URL(redisUrl!);
      const sockets = new Set<Socket>();
      const proxy: Server = createServer((client) => {
        const upstream = connect(Number(target.port || 6379), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = (): void => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const port = (proxy.address() as { port: number }).port;
      const logger = recordingLogger();
      const cache = manager(
        {
          store: 'redis',
          connection: `redis://127.0.0.1:${port}`,
          redis: { client: { namespace: `os_test_${port}_${Date.now()}` } },
        },
        { logger },
      ).forPlugin('todo');
      try {
        await cache.set('k', 'before');
        expect(await cache.get('k')).toBe('before');
        // Outage: stop accepting and cut the open connections.
        await new Promise<void>((resolve) => {
          proxy.close(() => resolve());
          for (const s of sockets) s.destroy();
        });
        expect(await cache.get('k')).toBeUndefined();
        expect(logger.entries.some((e) => e.level === 'warn')).toBe(true);
        // Recovery: listen again on the same port; the client reconnects by itself.
        await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
        let value: JsonValue | undefined;
        for (let i = 0; i < 100 && value === undefined; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          value = await cache.get('k');
        }
        expect(value).toBe('before');
        expect(
          logger.entries.some((e) => e.level === 'info' && e.message.includes('available again')),
        ).toBe(true);
        await cache.delete('k');
      } finally {
        await Promise.all(managers.splice(0).map((mm) => mm.stop()));
        for (const s of sockets) s.destroy();
        await new Promise<void>((resolve) => proxy.close(() => resolve()));
      }
    },
    15_000,
  );
});
