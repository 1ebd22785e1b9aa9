import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject, SharedTestDatabase, TestDatabaseId } from '@openstage/spec';
import knexFactory from 'knex';
import { registerAfterAll } from '../registerAfterAll.js';
import { TestKitError } from '../TestKitError.js';
import { testDatabaseConnectionString, testDatabaseEngine } from '../TestDatabases.js';

/** The `backend.database` configuration behind each handle, kept off the public object. */
const settings = new WeakMap<SharedTestDatabase, JsonObject>();

/** The `backend.database` configuration that makes a backend use the shared databases. */
export function sharedDatabaseConfig(handle: SharedTestDatabase): JsonObject {
  const config = settings.get(handle);
  if (config === undefined)
    throw new TypeError('options.sharedDatabase must be a handle from createSharedTestDatabase()');
  return config;
}

/**
 * A database several test backends share (TEST-248 to TEST-253): each plugin id maps to one
 * logical database, the same in every backend started with the handle. SQLite uses one file per
 * plugin in a temporary directory; PostgreSQL and MySQL one database per plugin under a prefix
 * unique to the handle. `shutdown()` (or the runner's `afterAll`) drops them all.
 */
export function createSharedTestDatabase(
  options: { id?: TestDatabaseId } = {},
): SharedTestDatabase {
  const id = options.id ?? 'SQLITE_3';
  const engine = testDatabaseEngine(id);
  if (engine === undefined) throw new TypeError(`Unknown test database id '${id}'`);
  let drop: () => Promise<void>;
  let config: JsonObject;
  if (engine === 'sqlite') {
    const directory = mkdtempSync(join(tmpdir(), 'openstage-shared-db-'));
    config = { client: 'better-sqlite3', connection: { directory } };
    drop = async () => rmSync(directory, { recursive: true, force: true });
  } else {
    const connection = testDatabaseConnectionString(id);
    if (connection === undefined) {
      throw new TestKitError('TEST_UNSUPPORTED_DATABASE', { id, shared: true });
    }
    const prefix = `openstage_shared_${randomBytes(4).toString('hex')}_`;
    const client = engine === 'pg' ? 'pg' : 'mysql2';
    config = { client, connection, prefix };
    drop = () => dropPrefixed(client, connection, prefix);
  }
  let done: Promise<void> | undefined;
  const handle: SharedTestDatabase = {
    id,
    shutdown: () => {
      unregister();
      done ??= drop();
      return done;
    },
  };
  const unregister = registerAfterAll(() => handle.shutdown());
  settings.set(handle, config);
  return handle;
}

async function dropPrefixed(
  client: 'pg' | 'mysql2',
  connection: string,
  prefix: string,
): Promise<void> {
  const admin = knexFactory({ client, connection, pool: { min: 0, max: 1 } });
  try {
    const like = `${prefix.replace(/_/g, '\\_')}%`;
    const names: string[] =
      client === 'pg'
        ? (
            (await admin.raw('select datname as name from pg_database where datname like ?', [
              like,
            ])) as { rows: Array<{ name: string }> }
          ).rows.map((r) => r.name)
        : (
            (await admin.raw(
              'select schema_name as name from information_schema.schemata where schema_name like ?',
              [like],
            )) as [Array<{ name: string }>]
          )[0].map((r) => r.name);
    for (const name of names) {
      if (client === 'pg') {
        await admin
          .raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name])
          .catch(() => admin.raw('DROP DATABASE IF EXISTS ??', [name]));
      } else {
        await admin.raw('DROP DATABASE IF EXISTS ??', [name]);
      }
    }
  } finally {
    await admin.destroy();
  }
}
