import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromData } from '../../../test/helpers/configFromData.js';
import { DatabaseManager } from './DatabaseManager.js';
import { parseConnectionString } from './parseConnectionString.js';
import { resolvePluginDatabaseSettings } from './resolvePluginDatabaseSettings.js';

/*
 * The connection `type` field (DB-028): the reference implementation supports it with the
 * `default` credential provider only. Server engines run when their OPENSTAGE_TEST_* variable is
 * set; SQLite always runs.
 */

const postgresUrl = process.env['OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING'];
const mysqlUrl = process.env['OPENSTAGE_TEST_MYSQL_CONNECTION_STRING'];

/** The settings Knex's driver was handed for a client the service built. */
const driverConnection = (knex: Knex): unknown =>
  (knex.client as { config: { connection: unknown } }).config.connection;

async function thrownBy(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('the connection type field', () => {
  it('DB-029: a connection object without type reaches the client settings unchanged', () => {
    const connection = {
      host: 'db.example.com',
      port: 5432,
      user: 'backstage',
      password: 'secret',
      ssl: { rejectUnauthorized: false },
      application_name: 'catalog',
    };
    const settings = resolvePluginDatabaseSettings({ client: 'pg', connection }, 'catalog');
    expect(settings.connection).toEqual(connection);
    // `type: default` is the same connection: the field selects the provider, nothing else.
    const typed = resolvePluginDatabaseSettings(
      { client: 'pg', connection: { type: 'default', ...connection } },
      'catalog',
    );
    expect(typed.connection).toEqual(connection);
  });

  it('DB-075: a type naming a provider the implementation does not offer is refused, naming plugin, path and value', () => {
    for (const [database, path] of [
      [
        { client: 'pg', connection: { type: 'rds', host: 'h' } },
        'backend.database.connection.type',
      ],
      [
        {
          client: 'pg',
          connection: { host: 'h' },
          plugin: { catalog: { connection: { type: 'azur' } } },
        },
        'backend.database.plugin.catalog.connection.type',
      ],
    ] as const) {
      let error: unknown;
      try {
        resolvePluginDatabaseSettings(database, 'catalog');
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({
        code: 'DB_UNSUPPORTED_CONNECTION_TYPE',
        details: { pluginId: 'catalog', configPath: path },
      });
      expect((error as Error).message).toContain("'catalog'");
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toMatch(/"rds"|"azur"/);
      expect((error as Error).message).toContain('default');
    }
  });

  it('DB-075: the refusal comes no later than the first getClient() call', async () => {
    const config = configFromData({
      backend: { database: { client: 'pg', connection: { type: 'cloudsql', host: 'h' } } },
    });
    const error = await thrownBy(async () => {
      const manager = DatabaseManager.fromConfig(config);
      try {
        await manager.forPlugin('catalog').getClient();
      } finally {
        await manager.destroy();
      }
    });
    expect(error).toMatchObject({ code: 'DB_UNSUPPORTED_CONNECTION_TYPE' });
  });

  const engines = [
    { name: 'better-sqlite3', client: 'better-sqlite3', connection: { filename: ':memory:' } },
    ...(postgresUrl
      ? [{ name: 'PostgreSQL', client: 'pg', connection: parseConnectionString(postgresUrl) }]
      : []),
    ...(mysqlUrl
      ? [{ name: 'MySQL', client: 'mysql2', connection: parseConnectionString(mysqlUrl) }]
      : []),
  ];

  describe.each(engines)('on $name', ({ client, connection }) => {
    const managers: DatabaseManager[] = [];
    afterEach(async () => {
      await Promise.all(managers.splice(0).map((m) => m.destroy()));
    });

    const clientFor = async (pluginConnection: Record<string, unknown>) => {
      // The plugin's own connection names the database (DB-037), so nothing is created.
      const manager = DatabaseManager.fromConfig(
        configFromData({
          backend: {
            database: {
              client,
              ensureExists: false,
              plugin: { catalog: { connection: pluginConnection } },
            },
          },
        }),
      );
      managers.push(manager);
      return manager.forPlugin('catalog').getClient();
    };

    it('DB-029: without type and with type default, the driver gets the settings unchanged and queries run', async () => {
      for (const given of [connection, { type: 'default', ...connection }]) {
        const knex = await clientFor(given);
        expect(driverConnection(knex)).toEqual(connection);
        const rows: unknown = await knex.raw('select 1 as one');
        expect(JSON.stringify(rows)).toContain('"one":1');
      }
    });
  });
});
