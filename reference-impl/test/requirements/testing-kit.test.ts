import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MockAuthService } from '../../src/testing/MockAuthService.js';
import { mockCredentials } from '../../src/testing/mockCredentials.js';
import { MockSchedulerService } from '../../src/testing/MockSchedulerService.js';
import { TestCaches } from '../../src/testing/TestCaches.js';
import { TestDatabases } from '../../src/testing/TestDatabases.js';
import { tasksRunAtStartup } from '../helpers/mockSchedulerFromFactory.js';

const POSTGRES_VAR = 'OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING';
const MYSQL_VAR = 'OPENSTAGE_TEST_MYSQL_CONNECTION_STRING';
const REDIS_VAR = 'OPENSTAGE_TEST_REDIS_CONNECTION_STRING';
const VALKEY_VAR = 'OPENSTAGE_TEST_VALKEY_CONNECTION_STRING';
for (const name of [POSTGRES_VAR, MYSQL_VAR]) {
  if (!process.env[name]) console.info(`testing-kit requirements: set ${name} to run its tests`);
}
if (!process.env[VALKEY_VAR] && !process.env[REDIS_VAR]) {
  console.info(`testing-kit requirements: set ${VALKEY_VAR} (or ${REDIS_VAR}) to run TEST-216`);
}

const schedule = { frequency: { minutes: 1 }, timeout: { seconds: 5 } };

/** Runs `body` with environment variables replaced, restoring them afterwards. */
async function withEnv(
  values: Record<string, string | undefined>,
  body: () => Promise<void>,
): Promise<void> {
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  const apply = (v: Record<string, string | undefined>) => {
    for (const [k, value] of Object.entries(v)) {
      if (value === undefined) delete process.env[k];
      else process.env[k] = value;
    }
  };
  apply(values);
  try {
    await body();
  } finally {
    apply(saved);
  }
}

describe('mock scheduler', () => {
  it('TEST-102: skipTaskRunOnStartup runs no task on startup', async () => {
    expect(await tasksRunAtStartup(undefined)).toEqual(['plain']);
    expect(await tasksRunAtStartup({ skipTaskRunOnStartup: true })).toEqual([]);
  });

  it('TEST-103: includeManualTasksOnStartup also runs manual tasks on startup', async () => {
    expect(await tasksRunAtStartup({ includeManualTasksOnStartup: true })).toEqual([
      'plain',
      'manual',
    ]);
  });

  it('TEST-108: triggerTask rejects with a ConflictError while a run is in progress', async () => {
    const scheduler = new MockSchedulerService({ pluginId: 'p' });
    let release!: () => void;
    await scheduler.scheduleTask({
      id: 'long',
      ...schedule,
      fn: () => new Promise<void>((resolve) => (release = resolve)),
    });
    const run = scheduler.triggerTask('long');
    await expect(scheduler.triggerTask('long')).rejects.toMatchObject({ name: 'ConflictError' });
    release();
    await run;
    // Once the run has ended the task can be triggered again.
    const again = scheduler.triggerTask('long');
    release();
    await expect(again).resolves.toBeUndefined();
  });
});

describe('mockCredentials tokens', () => {
  const jane = 'user:default/jane';

  it('TEST-125: user.token() is mock-user-token', () => {
    expect(mockCredentials.user.token()).toBe('mock-user-token');
  });

  it('TEST-126: user.token(ref) appends the JSON of { sub: ref }', () => {
    expect(mockCredentials.user.token(jane)).toBe(
      `mock-user-token:${JSON.stringify({ sub: jane })}`,
    );
  });

  it('TEST-127: user.header(ref?) is Bearer plus user.token(ref)', () => {
    expect(mockCredentials.user.header()).toBe(`Bearer ${mockCredentials.user.token()}`);
    expect(mockCredentials.user.header(jane)).toBe(`Bearer ${mockCredentials.user.token(jane)}`);
  });

  it('TEST-128: user.invalidToken() is mock-invalid-user-token', () => {
    expect(mockCredentials.user.invalidToken()).toBe('mock-invalid-user-token');
  });

  it('TEST-131: limitedUser.token(ref?) carries { sub: ref }, defaulting to user:default/mock', () => {
    expect(mockCredentials.limitedUser.token()).toBe(
      `mock-limited-user-token:${JSON.stringify({ sub: 'user:default/mock' })}`,
    );
    expect(mockCredentials.limitedUser.token(jane)).toBe(
      `mock-limited-user-token:${JSON.stringify({ sub: jane })}`,
    );
  });

  it('TEST-132: limitedUser.cookie(ref?) is backstage-auth= plus limitedUser.token(ref)', () => {
    expect(mockCredentials.limitedUser.cookie()).toBe(
      `backstage-auth=${mockCredentials.limitedUser.token()}`,
    );
    expect(mockCredentials.limitedUser.cookie(jane)).toBe(
      `backstage-auth=${mockCredentials.limitedUser.token(jane)}`,
    );
  });

  it('TEST-133: limitedUser.invalidToken() is mock-invalid-limited-user-token', () => {
    expect(mockCredentials.limitedUser.invalidToken()).toBe('mock-invalid-limited-user-token');
  });

  it('TEST-137: service.token(options) is the JSON of sub, obo and target, leaving out absent ones', () => {
    expect(
      mockCredentials.service.token({
        onBehalfOf: mockCredentials.user(jane),
        targetPluginId: 'catalog',
      }),
    ).toBe(`mock-service-token:${JSON.stringify({ obo: jane, target: 'catalog' })}`);
    expect(
      mockCredentials.service.token({
        onBehalfOf: mockCredentials.service('plugin:a'),
        targetPluginId: 'catalog',
      }),
    ).toBe(`mock-service-token:${JSON.stringify({ sub: 'plugin:a', target: 'catalog' })}`);
  });

  it('TEST-138: service.header(options?) is Bearer plus service.token(options)', () => {
    const options = { onBehalfOf: mockCredentials.user(jane), targetPluginId: 'catalog' };
    expect(mockCredentials.service.header()).toBe(`Bearer ${mockCredentials.service.token()}`);
    expect(mockCredentials.service.header(options)).toBe(
      `Bearer ${mockCredentials.service.token(options)}`,
    );
  });

  it('TEST-139: service.invalidToken() is mock-invalid-service-token', () => {
    expect(mockCredentials.service.invalidToken()).toBe('mock-invalid-service-token');
  });
});

describe('mock auth service', () => {
  it('TEST-154: a service token with obo authenticates as that user', async () => {
    const auth = new MockAuthService({ pluginId: 'test', disableDefaultAuthPolicy: false });
    const token = `mock-service-token:${JSON.stringify({ obo: 'user:default/jane', target: 'test' })}`;
    await expect(auth.authenticate(token)).resolves.toEqual(
      mockCredentials.user('user:default/jane'),
    );
  });

  it('TEST-162: a none principal gets an empty plugin request token when the policy is disabled', async () => {
    const auth = new MockAuthService({ pluginId: 'a', disableDefaultAuthPolicy: true });
    await expect(
      auth.getPluginRequestToken({ onBehalfOf: mockCredentials.none(), targetPluginId: 'b' }),
    ).resolves.toEqual({ token: '' });
  });
});

describe('TestDatabases', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES', 'MYSQL'] });
  afterAll(() => databases.shutdown());

  /** Creates a table through one init and checks a second init does not see it. */
  async function expectFreshAndIsolated(id: 'SQLITE_3' | 'POSTGRES' | 'MYSQL') {
    const a = await databases.init(id);
    const b = await databases.init(id);
    expect(await a.schema.hasTable('kit_probe')).toBe(false);
    await a.schema.createTable('kit_probe', (t) => t.string('name'));
    await a('kit_probe').insert({ name: 'x' });
    expect(await a('kit_probe').select('name')).toEqual([{ name: 'x' }]);
    expect(await b.schema.hasTable('kit_probe')).toBe(false);
  }

  it('TEST-194: SQLITE_3 is always supported, in memory through better-sqlite3', async () => {
    await withEnv({ [POSTGRES_VAR]: undefined, [MYSQL_VAR]: undefined }, async () => {
      const local = TestDatabases.create({ ids: ['SQLITE_3'] });
      expect(local.supports('SQLITE_3')).toBe(true);
      const knex = await local.init('SQLITE_3');
      expect(knex.client.config.client).toBe('better-sqlite3');
      expect(knex.client.config.connection).toMatchObject({ filename: ':memory:' });
      await local.shutdown();
    });
    await expectFreshAndIsolated('SQLITE_3');
  });

  it.skipIf(!process.env[POSTGRES_VAR])(
    `TEST-195, TEST-201: POSTGRES is supported with its variable, each init a new empty database (needs ${POSTGRES_VAR})`,
    async () => {
      expect(databases.supports('POSTGRES')).toBe(true);
      await expectFreshAndIsolated('POSTGRES');
    },
  );

  it.skipIf(!process.env[MYSQL_VAR])(
    `TEST-196, TEST-201: MYSQL is supported with its variable, each init a new empty database (needs ${MYSQL_VAR})`,
    async () => {
      expect(databases.supports('MYSQL')).toBe(true);
      await expectFreshAndIsolated('MYSQL');
    },
  );

  it('TEST-200: without the opt-in variables no engine is offered and init starts nothing', async () => {
    await withEnv(
      {
        [POSTGRES_VAR]: undefined,
        [MYSQL_VAR]: undefined,
        [REDIS_VAR]: undefined,
        [VALKEY_VAR]: undefined,
      },
      async () => {
        const dbs = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES', 'MYSQL'] });
        expect(dbs.eachSupportedId()).toEqual([['SQLITE_3']]);
        await expect(dbs.init('POSTGRES')).rejects.toMatchObject({
          code: 'TEST_UNSUPPORTED_DATABASE',
          message: expect.stringContaining(POSTGRES_VAR),
        });
        const caches = TestCaches.create({ ids: ['MEMORY', 'REDIS', 'VALKEY'] });
        expect(caches.eachSupportedId()).toEqual([['MEMORY']]);
        await expect(caches.init('REDIS')).rejects.toMatchObject({
          code: 'TEST_UNSUPPORTED_CACHE',
          message: expect.stringContaining(REDIS_VAR),
        });
        await dbs.shutdown();
      },
    );
  });
});

describe('TestCaches', () => {
  // Valkey speaks the Redis protocol, so a Redis server stands in when no Valkey one is configured.
  const valkeyUrl = process.env[VALKEY_VAR] ?? process.env[REDIS_VAR];

  it.skipIf(!valkeyUrl)(
    `TEST-216: VALKEY is supported when its variable holds a server URL (needs ${VALKEY_VAR} or ${REDIS_VAR})`,
    async () => {
      await withEnv({ [VALKEY_VAR]: undefined }, async () => {
        expect(TestCaches.create().supports('VALKEY')).toBe(false);
      });
      await withEnv({ [VALKEY_VAR]: valkeyUrl }, async () => {
        const caches = TestCaches.create();
        expect(caches.supports('VALKEY')).toBe(true);
        const connection = await caches.init('VALKEY');
        expect(connection.store).toBe('valkey');
        const client = new Redis(connection.connection);
        try {
          await client.set('openstage-kit-valkey-probe', '1');
          expect(await client.get('openstage-kit-valkey-probe')).toBe('1');
          await caches.init('VALKEY');
          expect(await client.get('openstage-kit-valkey-probe')).toBeNull();
        } finally {
          client.disconnect();
        }
      });
    },
  );
});
