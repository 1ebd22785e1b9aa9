import type { DatabaseService } from '@openstage/spec';
import { decodeProtectedHeader, jwtVerify, createLocalJWKSet, SignJWT } from 'jose';
import { knex, type Knex } from 'knex';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthServiceError } from '../../AuthServiceError.js';
import { createTestLogger } from '../../testing/createTestLogger.js';
import { DatabasePluginKeyStore } from './DatabasePluginKeyStore.js';
import { PUBLIC_KEYS_MIGRATIONS_TABLE, PUBLIC_KEYS_TABLE } from './publicKeysMigrationSource.js';

const HOUR = 3600_000;

function sqlite(): Knex {
  return knex({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
}

function databaseOf(client: Knex, skip = false): DatabaseService {
  return { getClient: async () => client, ...(skip ? { migrations: { skip: true } } : {}) };
}

async function sign(store: DatabasePluginKeyStore): Promise<string> {
  const key = await store.getSigningKey();
  return new SignJWT({ sub: 'p' }).setProtectedHeader({ alg: key.alg, kid: key.kid }).sign(key.key);
}

/** The behaviour every engine must show; `makeClient` gives a fresh, empty database. */
function storeSuite(makeClient: () => Promise<Knex>, dispose: (client: Knex) => Promise<void>) {
  let client: Knex;
  afterEach(async () => {
    await dispose(client);
  });

  it('AUTH-110, AUTH-111, AUTH-113: a new public key is stored in the shared table before it signs', async () => {
    client = await makeClient();
    const store = new DatabasePluginKeyStore({
      pluginId: 'catalog',
      database: databaseOf(client),
      logger: createTestLogger(),
    });
    const key = await store.getSigningKey();
    const rows = await client(PUBLIC_KEYS_TABLE).select();
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(key.kid);
    expect(JSON.parse(rows[0].key)).toMatchObject({ kid: key.kid, alg: 'ES256', kty: 'EC' });
    expect(await client.schema.hasTable(PUBLIC_KEYS_MIGRATIONS_TABLE)).toBe(true);
  });

  it("SPLIT-013: replicas sharing a database list each other's keys, and tokens of either verify", async () => {
    client = await makeClient();
    const logger = createTestLogger();
    const one = new DatabasePluginKeyStore({
      pluginId: 'catalog',
      database: databaseOf(client),
      logger,
    });
    const two = new DatabasePluginKeyStore({
      pluginId: 'catalog',
      database: databaseOf(client),
      logger,
    });
    const tokenOne = await sign(one);
    const tokenTwo = await sign(two);
    const keys = await one.listPublicKeys();
    expect(keys).toHaveLength(2);
    const set = createLocalJWKSet({ keys: keys as never });
    await expect(jwtVerify(tokenOne, set)).resolves.toBeDefined();
    await expect(jwtVerify(tokenTwo, set)).resolves.toBeDefined();
  });
}

describe('DatabasePluginKeyStore on SQLite', () => {
  storeSuite(
    async () => sqlite(),
    (client) => client.destroy(),
  );

  let client: Knex;
  beforeAll(() => {
    client = sqlite();
  });
  afterAll(async () => {
    await client.destroy();
  });

  it('AUTH-114, AUTH-115, AUTH-116, AUTH-117: keys sign for one hour and stay listed for three', async () => {
    let now = Date.UTC(2030, 0, 1);
    const db = sqlite();
    try {
      const store = new DatabasePluginKeyStore({
        pluginId: 'p',
        database: databaseOf(db),
        logger: createTestLogger(),
        now: () => now,
      });
      const first = await store.getSigningKey();
      now += HOUR - 1;
      expect((await store.getSigningKey()).kid).toBe(first.kid);
      now += 1;
      const second = await store.getSigningKey();
      expect(second.kid).not.toBe(first.kid);
      // A token signed with the first key just before rotation lives until 2h; the key is listed until 3h.
      now = Date.UTC(2030, 0, 1) + 3 * HOUR - 1;
      expect((await store.listPublicKeys()).map((k) => k.kid)).toEqual([first.kid, second.kid]);
      now += 1;
      expect((await store.listPublicKeys()).map((k) => k.kid)).toEqual([second.kid]);
    } finally {
      await db.destroy();
    }
  });

  it('AUTH-112: migrations are not applied when the database service says skip', async () => {
    const db = sqlite();
    try {
      const store = new DatabasePluginKeyStore({
        pluginId: 'p',
        database: databaseOf(db, true),
        logger: createTestLogger(),
      });
      const error = await store.getSigningKey().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthServiceError);
      expect(await db.schema.hasTable(PUBLIC_KEYS_TABLE)).toBe(false);
      expect(await db.schema.hasTable(PUBLIC_KEYS_MIGRATIONS_TABLE)).toBe(false);
    } finally {
      await db.destroy();
    }
  });

  it('AUTH-118, AUTH-119: a failing database yields an error naming the plugin, and the next call retries', async () => {
    let fail = true;
    const database: DatabaseService = {
      getClient: async () => {
        if (fail) throw new Error('connection refused');
        return client;
      },
    };
    const logger = createTestLogger();
    const store = new DatabasePluginKeyStore({ pluginId: 'scaffolder', database, logger });
    const error = (await store.getSigningKey().catch((e: unknown) => e)) as AuthServiceError;
    expect(error.code).toBe('AUTH_SIGNING_KEY_UNAVAILABLE');
    expect(error.message).toContain("'scaffolder'");
    expect(error.pluginId).toBe('scaffolder');
    expect((error.cause as Error).message).toBe('connection refused');
    fail = false;
    const key = await store.getSigningKey();
    expect(
      decodeProtectedHeader(
        await new SignJWT({}).setProtectedHeader({ alg: key.alg, kid: key.kid }).sign(key.key),
      ).kid,
    ).toBe(key.kid);
  });
});

const postgres = process.env.OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING;
if (postgres === undefined) {
  console.info(
    'DatabasePluginKeyStore: PostgreSQL tests skipped; set OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING to run them',
  );
}

describe.skipIf(postgres === undefined)(
  'DatabasePluginKeyStore on PostgreSQL (needs OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING)',
  () => {
    // Each test gets its own schema, so runs never share the fixed table names.
    const schemas = new Map<Knex, string>();
    storeSuite(
      async () => {
        const schema = `auth_keys_${Math.random().toString(36).slice(2, 10)}`;
        const admin = knex({ client: 'pg', connection: postgres });
        await admin.raw('CREATE SCHEMA ??', [schema]);
        await admin.destroy();
        const client = knex({ client: 'pg', connection: postgres, searchPath: [schema] });
        schemas.set(client, schema);
        return client;
      },
      async (client) => {
        await client.raw('DROP SCHEMA ?? CASCADE', [schemas.get(client)!]);
        await client.destroy();
      },
    );
  },
);
