import { afterEach, describe, expect, it } from 'vitest';
import type {
  BackendFeature,
  CacheService,
  DatabaseService,
  HttpRouterService,
  TestBackend,
} from '@openstage/spec';
import type { Knex } from 'knex';
import { createBackendModule } from '../../authoring/createBackendModule.js';
import { createBackendPlugin } from '../../authoring/createBackendPlugin.js';
import { coreServiceRefs as core } from '../coreServiceRefs.js';
import { createTestBackend } from '../createTestBackend.js';
import { startTestBackend } from '../startTestBackend.js';
import { createFakeClock } from './createFakeClock.js';
import { createSharedTestDatabase } from './createSharedTestDatabase.js';

const started: TestBackend[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((b) => b.stop()));
});
async function start(options: Parameters<typeof startTestBackend>[0]) {
  const backend = await startTestBackend(options);
  started.push(backend);
  return backend;
}

function plugin(
  pluginId: string,
  init: (deps: {
    cache: CacheService;
    database: DatabaseService;
    router: HttpRouterService;
  }) => Promise<void> = async () => {},
) {
  return createBackendPlugin({
    pluginId,
    register(reg) {
      reg.registerInit({
        deps: { cache: core.cache, database: core.database, router: core.httpRouter },
        init: init as never,
      });
    },
  }) as unknown as BackendFeature;
}

describe('fake clock in a test backend', () => {
  it('TEST-239: the cache measures expiry with the fake clock', async () => {
    const clock = createFakeClock({ now: 0 });
    let cache!: CacheService;
    await start({ features: [plugin('c', async (deps) => void (cache = deps.cache))], clock });
    await cache.set('k', 'v', { ttl: { minutes: 10 } });
    await clock.advance({ minutes: 9 });
    await expect(cache.get('k')).resolves.toBe('v');
    await clock.advance({ minutes: 2 });
    await expect(cache.get('k')).resolves.toBeUndefined();
  });
});

describe('fault injection', () => {
  it('TEST-240, TEST-242, TEST-243, TEST-245: a throwing init fails the start as a real one would', async () => {
    const error = await startTestBackend({
      features: [plugin('victim')],
      faults: [{ target: 'init', pluginId: 'victim', effect: 'throw' }],
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'BackendStartupError',
      message: expect.stringMatching(/Plugin 'victim' startup failed.*TEST_INJECTED_FAULT/s),
    });
  });

  it('TEST-241: a serviceFactory fault fires only for its plugin', async () => {
    const error = await startTestBackend({
      features: [plugin('a'), plugin('b')],
      faults: [
        { target: 'serviceFactory', serviceId: 'core.cache', pluginId: 'b', effect: 'throw' },
      ],
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /'b'.*serviceFactory fault on 'core.cache' for plugin 'b'.*TEST_INJECTED_FAULT/s,
    );
    expect((error as Error).message).not.toMatch(/Plugin 'a' startup failed/);
  });

  it('TEST-242: a module init fault targets only that module', async () => {
    const mod = createBackendModule({
      pluginId: 'host',
      moduleId: 'bad',
      register: (reg) => reg.registerInit({ deps: {}, async init() {} }),
    }) as unknown as BackendFeature;
    await expect(
      startTestBackend({
        features: [plugin('host'), mod],
        faults: [{ target: 'init', pluginId: 'host', moduleId: 'bad', effect: 'throw' }],
      }),
    ).rejects.toThrow(/Module 'bad' for plugin 'host' startup failed.*TEST_INJECTED_FAULT/s);
  });

  it('TEST-244, TEST-254, TEST-255: a hang keeps start pending until stop rejects it', async () => {
    const backend = createTestBackend({
      features: [plugin('slow')],
      faults: [{ target: 'init', pluginId: 'slow', effect: 'hang' }],
    });
    let settled = false;
    const starting = backend.start().then(
      () => (settled = true),
      (error: unknown) => {
        settled = true;
        return error;
      },
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    expect(backend.getStartupTimeline().entries.some((e) => e.outcome === 'pending')).toBe(true);
    await backend.stop();
    const result = await starting;
    expect(String(result)).toMatch(
      /slow.*hung until the test backend stopped.*TEST_INJECTED_FAULT/s,
    );
  });

  it('TEST-246: a fault on something the backend lacks is rejected before start', async () => {
    await expect(
      startTestBackend({
        features: [plugin('here')],
        faults: [{ target: 'init', pluginId: 'elsewhere', effect: 'throw' }],
      }),
    ).rejects.toMatchObject({ code: 'TEST_UNKNOWN_FAULT_TARGET', pluginId: 'elsewhere' });
    await expect(
      startTestBackend({
        features: [plugin('here')],
        faults: [{ target: 'serviceFactory', serviceId: 'acme.nothing', effect: 'hang' }],
      }),
    ).rejects.toMatchObject({ code: 'TEST_UNKNOWN_FAULT_TARGET', serviceId: 'acme.nothing' });
  });
});

describe('several instances on one database', () => {
  it('TEST-248 to TEST-250, TEST-252: same plugin id, same database; other plugin ids, other databases', async () => {
    const db = createSharedTestDatabase();
    expect(db.id).toBe('SQLITE_3');
    const clients: Record<string, Knex> = {};
    const capture =
      (key: string) =>
      async ({ database }: { database: DatabaseService }) => {
        clients[key] = (await database.getClient()) as Knex;
      };
    const [a, b] = await Promise.all([
      start({
        features: [plugin('notes', capture('a-notes')), plugin('other', capture('a-other'))],
        sharedDatabase: db,
      }),
      start({ features: [plugin('notes', capture('b-notes'))], sharedDatabase: db }),
    ]);
    expect(a.server.port()).not.toBe(b.server.port());
    await clients['a-notes']!.schema.createTable('notes', (t) => t.string('text'));
    await clients['a-notes']!('notes').insert({ text: 'shared' });
    expect(await clients['b-notes']!('notes').select('text')).toEqual([{ text: 'shared' }]);
    expect(await clients['a-other']!.schema.hasTable('notes')).toBe(false);
    await Promise.all(started.splice(0).map((x) => x.stop()));
    await db.shutdown();
  });

  it.skipIf(!process.env['OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING'])(
    'TEST-249, TEST-253: on POSTGRES, shared and dropped (needs OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING)',
    async () => {
      const db = createSharedTestDatabase({ id: 'POSTGRES' });
      const seen: string[] = [];
      const capture = async ({ database }: { database: DatabaseService }) => {
        const knex = (await database.getClient()) as Knex;
        seen.push(
          ((await knex.raw('select current_database() as n')) as { rows: Array<{ n: string }> })
            .rows[0]!.n,
        );
      };
      await start({ features: [plugin('notes', capture)], sharedDatabase: db });
      await start({ features: [plugin('notes', capture)], sharedDatabase: db });
      expect(seen[0]).toBe(seen[1]);
      await Promise.all(started.splice(0).map((x) => x.stop()));
      await db.shutdown();
      const { default: knexFactory } = await import('knex');
      const admin = knexFactory({
        client: 'pg',
        connection: process.env['OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING'],
      });
      try {
        expect(
          (
            (await admin.raw('select 1 from pg_database where datname = ?', [seen[0]!])) as {
              rows: unknown[];
            }
          ).rows,
        ).toEqual([]);
      } finally {
        await admin.destroy();
      }
    },
  );
});
