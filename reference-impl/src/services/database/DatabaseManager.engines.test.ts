import { randomUUID } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DatabaseError } from './DatabaseError.js';
import { DatabaseManager } from './DatabaseManager.js';
import { backendConfig } from '../../../test/helpers/configFromData.js';

/*
 * The same behavioural tests on every engine the service supports. Server engines are chosen by
 * environment variables; without them only SQLite runs, and a note says what was skipped. Every
 * test uses its own database prefix, plugin ids and roles and drops them afterwards, because other
 * suites use the same servers in parallel.
 */

const POSTGRES_VAR = 'OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING';
const MYSQL_VAR = 'OPENSTAGE_TEST_MYSQL_CONNECTION_STRING';
const postgresUrl = process.env[POSTGRES_VAR];
const mysqlUrl = process.env[MYSQL_VAR];

const skipped = [
  ...(postgresUrl
    ? []
    : [`PostgreSQL (set ${POSTGRES_VAR}, e.g. postgresql://postgres@127.0.0.1:5432/test)`]),
  ...(mysqlUrl ? [] : [`MySQL/MariaDB (set ${MYSQL_VAR}, e.g. mysql://root@127.0.0.1:3306/test)`]),
];
if (skipped.length > 0) {
  console.info(
    `[database engine tests] skipped engines: ${skipped.join('; ')}. SQLite still runs.`,
  );
}

const unique = (): string => randomUUID().replace(/-/g, '').slice(0, 10);

/** One engine: how to configure it and how to inspect and clean up the server behind it. */
interface Engine {
  readonly name: string;
  readonly skipReason: string | undefined;
  /** Whether a second backend instance reaches the same data (not for in-memory SQLite). */
  readonly persistent: boolean;
  readonly mode: 'database' | 'schema';
  config(prefix: string): Record<string, unknown>;
  /** Whether the plugin's database (or schema) exists on the server. */
  exists(prefix: string, pluginId: string): Promise<boolean>;
  /** Drops everything a test created. */
  cleanup(prefix: string, pluginIds: string[]): Promise<void>;
}

async function withAdmin<T>(
  client: string,
  connection: string,
  work: (k: Knex) => Promise<T>,
): Promise<T> {
  const admin = knexFactory({ client, connection, pool: { min: 0, max: 1 } });
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}

/** What differs between the server engines; everything else is the same for all of them. */
interface ServerEngineOptions {
  readonly name: string;
  readonly client: 'pg' | 'mysql2';
  /** The connection string, undefined when `variable` is not set. */
  readonly url: string | undefined;
  readonly variable: string;
  readonly mode: Engine['mode'];
  /** Config beside `client` and `connection`. */
  extraConfig(prefix: string): Record<string, unknown>;
  /** The catalog rows naming the plugin's database (or schema); none when it does not exist. */
  find(k: Knex, prefix: string, pluginId: string): Promise<unknown[]>;
  drop(k: Knex, prefix: string, pluginId: string): Promise<unknown>;
}

function serverEngine(options: ServerEngineOptions): Engine {
  const { client, url } = options;
  // Only called when the engine is not skipped, that is when `url` is set.
  const admin = <T>(work: (k: Knex) => Promise<T>): Promise<T> => withAdmin(client, url!, work);
  return {
    name: options.name,
    skipReason: url ? undefined : `set ${options.variable}`,
    persistent: true,
    mode: options.mode,
    config: (prefix) => ({ client, connection: url, ...options.extraConfig(prefix) }),
    exists: (prefix, pluginId) =>
      admin(async (k) => (await options.find(k, prefix, pluginId)).length > 0),
    cleanup: (prefix, pluginIds) =>
      admin(async (k) => {
        for (const id of pluginIds) await options.drop(k, prefix, id);
      }),
  };
}

const engines: Engine[] = [
  {
    name: 'SQLite (better-sqlite3, :memory:)',
    skipReason: undefined,
    persistent: false,
    mode: 'database',
    config: () => ({ client: 'better-sqlite3', connection: ':memory:' }),
    exists: async () => true,
    cleanup: async () => undefined,
  },
  serverEngine({
    name: 'PostgreSQL, pluginDivisionMode database',
    client: 'pg',
    url: postgresUrl,
    variable: POSTGRES_VAR,
    mode: 'database',
    extraConfig: (prefix) => ({ prefix }),
    find: (k, prefix, pluginId) => k('pg_database').where('datname', `${prefix}${pluginId}`),
    drop: (k, prefix, id) => k.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [`${prefix}${id}`]),
  }),
  serverEngine({
    name: 'PostgreSQL, pluginDivisionMode schema',
    client: 'pg',
    url: postgresUrl,
    variable: POSTGRES_VAR,
    mode: 'schema',
    extraConfig: () => ({ pluginDivisionMode: 'schema' }),
    find: (k, _prefix, pluginId) => k('information_schema.schemata').where('schema_name', pluginId),
    drop: (k, _prefix, id) => k.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [id]),
  }),
  serverEngine({
    name: 'MySQL/MariaDB (mysql2)',
    client: 'mysql2',
    url: mysqlUrl,
    variable: MYSQL_VAR,
    mode: 'database',
    extraConfig: (prefix) => ({ prefix }),
    find: (k, prefix, pluginId) =>
      k('information_schema.schemata').where('schema_name', `${prefix}${pluginId}`),
    drop: (k, prefix, id) => k.raw('DROP DATABASE IF EXISTS ??', [`${prefix}${id}`]),
  }),
];

/** Two migrations kept in memory, the way a plugin ships them. */
const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => ['001_items', '002_tags'],
  getMigrationName: (name) => name,
  getMigration: async (name) =>
    name === '001_items'
      ? {
          up: (k: Knex) =>
            k.schema.createTable('items', (t) => {
              t.increments('id');
              t.string('name');
            }),
          down: (k: Knex) => k.schema.dropTable('items'),
        }
      : {
          up: (k: Knex) =>
            k.schema.createTable('tags', (t) => {
              t.string('tag');
              t.integer('item_id').unsigned().references('items.id');
            }),
          down: (k: Knex) => k.schema.dropTable('tags'),
        },
};

for (const engine of engines) {
  const title = engine.skipReason ? `${engine.name} (skipped: ${engine.skipReason})` : engine.name;
  describe.skipIf(engine.skipReason !== undefined)(`DatabaseManager on ${title}`, () => {
    const managers: DatabaseManager[] = [];
    const created: Array<{ prefix: string; pluginIds: string[] }> = [];

    /** A fresh prefix and fresh plugin ids, recorded for cleanup. */
    function scenario(count: number): { prefix: string; ids: string[] } {
      const tag = unique();
      const prefix = `os_test_${tag}_`;
      const ids = Array.from({ length: count }, (_, i) => `p${tag}x${i}`);
      created.push({ prefix, pluginIds: ids });
      return { prefix, ids };
    }
    function manager(database: Record<string, unknown>): DatabaseManager {
      const m = DatabaseManager.fromConfig(backendConfig('database', database));
      managers.push(m);
      return m;
    }

    afterEach(async () => {
      await Promise.all(managers.splice(0).map((m) => m.destroy()));
    });
    afterAll(async () => {
      for (const { prefix, pluginIds } of created) await engine.cleanup(prefix, pluginIds);
    });

    it('DB-002/DB-011/DB-012/DB-044: each plugin gets its own database; same-named tables stay apart', async () => {
      const { prefix, ids } = scenario(2);
      const [alpha, beta] = ids as [string, string];
      const m = manager(engine.config(prefix));
      const a = await m.forPlugin(alpha).getClient();
      const b = await m.forPlugin(beta).getClient();
      expect(await engine.exists(prefix, alpha)).toBe(true);
      await a.schema.createTable('items', (t) => t.string('name'));
      expect(await b.schema.hasTable('items')).toBe(false);
      await b.schema.createTable('items', (t) => t.string('name'));
      await a('items').insert({ name: 'from-alpha' });
      await b('items').insert({ name: 'from-beta' });
      expect(await a('items').pluck('name')).toEqual(['from-alpha']);
      expect(await b('items').pluck('name')).toEqual(['from-beta']);
      await b('items').del();
      expect(await a('items').pluck('name')).toEqual(['from-alpha']);
    });

    it("DB-006/DB-011: a plugin's migrations run against its own database only", async () => {
      const { prefix, ids } = scenario(2);
      const [alpha, beta] = ids as [string, string];
      const m = manager(engine.config(prefix));
      const a = await m.forPlugin(alpha).getClient();
      const b = await m.forPlugin(beta).getClient();
      const [, applied] = (await a.migrate.latest({ migrationSource })) as [number, string[]];
      expect(applied).toEqual(['001_items', '002_tags']);
      expect(await a.schema.hasTable('tags')).toBe(true);
      expect(await b.schema.hasTable('tags')).toBe(false);
      expect(await b.schema.hasTable('knex_migrations')).toBe(false);
      // A second run is a no-op, and the other plugin migrates independently.
      const [, again] = (await a.migrate.latest({ migrationSource })) as [number, string[]];
      expect(again).toEqual([]);
      const [, forBeta] = (await b.migrate.latest({ migrationSource })) as [number, string[]];
      expect(forBeta).toEqual(['001_items', '002_tags']);
    });

    it.skipIf(!engine.persistent)(
      'DB-016/DB-045: a second backend instance with the same settings reuses the database untouched',
      async () => {
        const { prefix, ids } = scenario(1);
        const [alpha] = ids as [string];
        const first = manager(engine.config(prefix));
        const a = await first.forPlugin(alpha).getClient();
        await a.schema.createTable('kept', (t) => t.string('v'));
        await a('kept').insert({ v: 'still here' });
        await first.destroy();
        const second = manager(engine.config(prefix));
        const again = await second.forPlugin(alpha).getClient();
        expect(await again('kept').pluck('v')).toEqual(['still here']);
      },
    );

    it('DB-061: destroy releases the clients of every plugin', async () => {
      const { prefix, ids } = scenario(1);
      const m = manager(engine.config(prefix));
      const client = await m.forPlugin(ids[0]!).getClient();
      await m.destroy();
      await expect(client.raw('select 1')).rejects.toThrow();
    });

    it.skipIf(!engine.persistent)(
      'DB-046/DB-050: with ensureExists false nothing is created',
      async () => {
        const { prefix, ids } = scenario(1);
        const [alpha] = ids as [string];
        const m = manager({ ...engine.config(prefix), ensureExists: false });
        if (engine.mode === 'database') {
          const error = await m
            .forPlugin(alpha)
            .getClient()
            .catch((e: unknown) => e);
          expect(error).toMatchObject({ code: 'DB_CONNECTION_FAILED', pluginId: alpha });
        } else {
          await m.forPlugin(alpha).getClient();
        }
        expect(await engine.exists(prefix, alpha)).toBe(false);
      },
    );
  });
}

describe.skipIf(!postgresUrl)(
  `PostgreSQL specifics${postgresUrl ? '' : ` (skipped: set ${POSTGRES_VAR})`}`,
  () => {
    const managers: DatabaseManager[] = [];
    const cleanups: Array<(k: Knex) => Promise<unknown>> = [];
    afterEach(async () => {
      await Promise.all(managers.splice(0).map((m) => m.destroy()));
      await withAdmin('pg', postgresUrl!, async (k) => {
        for (const cleanup of cleanups.splice(0)) await cleanup(k);
      });
    });
    function manager(database: Record<string, unknown>): DatabaseManager {
      const m = DatabaseManager.fromConfig(backendConfig('database', database));
      managers.push(m);
      return m;
    }
    /** The client of `pluginId` on the server, with `settings` beside `client` and `connection`. */
    function pgClient(settings: Record<string, unknown>, pluginId: string): Promise<Knex> {
      return manager({ client: 'pg', connection: postgresUrl, ...settings })
        .forPlugin(pluginId)
        .getClient();
    }

    it('DB-039/DB-040: schema mode puts each plugin in a schema named after it, inside the base database', async () => {
      const pluginId = `p${unique()}`;
      cleanups.push((k) => k.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [pluginId]));
      const knex = await pgClient({ pluginDivisionMode: 'schema' }, pluginId);
      const base = new URL(postgresUrl!).pathname.slice(1);
      const row = (await knex.raw('select current_database() as db, current_schema() as schema'))
        .rows[0];
      expect(row).toEqual({ db: base, schema: pluginId });
      await knex.schema.createTable('items', (t) => t.string('name'));
      const tables = await knex('information_schema.tables').where({
        table_schema: pluginId,
        table_name: 'items',
      });
      expect(tables).toHaveLength(1);
    });

    it('DB-049: ensureSchemaExists creates the schema even with ensureExists false', async () => {
      const pluginId = `p${unique()}`;
      cleanups.push((k) => k.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [pluginId]));
      const knex = await pgClient(
        { pluginDivisionMode: 'schema', ensureExists: false, ensureSchemaExists: true },
        pluginId,
      );
      expect(
        (await knex('information_schema.schemata').where('schema_name', pluginId)).length,
      ).toBe(1);
    });

    it('DB-037: a database named in the plugin connection is used instead of <prefix><pluginId>', async () => {
      const tag = unique();
      const named = `os_test_${tag}_named`;
      cleanups.push((k) => k.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [named]));
      const knex = await pgClient(
        { prefix: `os_test_${tag}_`, plugin: { todo: { connection: { database: named } } } },
        'todo',
      );
      expect((await knex.raw('select current_database() as db')).rows[0].db).toBe(named);
    });

    it('DB-055: with a role, every connection of the plugin switches to it', async () => {
      const tag = unique();
      const role = `os_test_role_${tag}`;
      const prefix = `os_test_${tag}_`;
      await withAdmin('pg', postgresUrl!, (k) => k.raw('CREATE ROLE ??', [role]));
      cleanups.push((k) => k.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [`${prefix}todo`]));
      cleanups.push((k) => k.raw('DROP ROLE IF EXISTS ??', [role]));
      const knex = await pgClient({ prefix, role }, 'todo');
      expect((await knex.raw('select current_user as who')).rows[0].who).toBe(role);
    });

    it('DB-047: a failed CREATE DATABASE rejects naming the plugin and the database', async () => {
      const tag = unique();
      const user = `os_test_nocreate_${tag}`;
      await withAdmin('pg', postgresUrl!, (k) => k.raw('CREATE ROLE ?? LOGIN NOCREATEDB', [user]));
      cleanups.push((k) => k.raw('DROP ROLE IF EXISTS ??', [user]));
      const url = new URL(postgresUrl!);
      url.username = user;
      const prefix = `os_test_${tag}_`;
      const error = await manager({ client: 'pg', connection: url.toString(), prefix })
        .forPlugin('todo')
        .getClient()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseError);
      expect(error).toMatchObject({ code: 'DB_CREATE_FAILED', pluginId: 'todo' });
      expect((error as Error).message).toContain(`${prefix}todo`);
    });
  },
);
