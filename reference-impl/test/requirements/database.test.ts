import { randomUUID } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { coreServices, createBackendPlugin } from '../../src/index.js';
import { DatabaseManager } from '../../src/services/database/DatabaseManager.js';
import { databaseServiceFactory } from '../../src/services/database/databaseServiceFactory.js';
import { createTestBackend } from '../helpers/testBackend.js';
import { backendConfig } from '../helpers/configFromData.js';

const POSTGRES_VAR = 'OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING';
const MYSQL_VAR = 'OPENSTAGE_TEST_MYSQL_CONNECTION_STRING';
const postgresUrl = process.env[POSTGRES_VAR];
const mysqlUrl = process.env[MYSQL_VAR];
if (!postgresUrl) console.info(`database requirements: set ${POSTGRES_VAR} to run DB-035 on pg`);
if (!mysqlUrl) console.info(`database requirements: set ${MYSQL_VAR} to run DB-035 on mysql2`);

/** Runs `work` with an admin client of the server, destroying it afterwards. */
async function withAdmin<T>(client: string, url: string, work: (k: Knex) => Promise<T>) {
  const admin = knexFactory({ client, connection: url, pool: { min: 0, max: 1 } });
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}

const engines = [
  {
    client: 'pg',
    url: postgresUrl,
    current: async (k: Knex) =>
      ((await k.raw('select current_database() as name')) as { rows: Array<{ name: string }> })
        .rows[0]!.name,
    drop: (name: string) =>
      withAdmin('pg', postgresUrl!, (k) =>
        k.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]),
      ),
  },
  {
    client: 'mysql2',
    url: mysqlUrl,
    current: async (k: Knex) =>
      ((await k.raw('select database() as name')) as [Array<{ name: string }>])[0][0]!.name,
    drop: (name: string) =>
      withAdmin('mysql2', mysqlUrl!, (k) => k.raw('DROP DATABASE IF EXISTS ??', [name])),
  },
];

describe('database naming', () => {
  for (const engine of engines) {
    it.skipIf(!engine.url)(
      `DB-035: in database mode the plugin's database is <prefix><pluginId> (${engine.client}; needs its OPENSTAGE_TEST_* variable)`,
      async () => {
        const tag = randomUUID().replace(/-/g, '').slice(0, 10);
        const prefix = `os_req_${tag}_`;
        const pluginId = `p${tag}`;
        const manager = DatabaseManager.fromConfig(
          backendConfig('database', { client: engine.client, connection: engine.url, prefix }),
        );
        try {
          const client = await manager.forPlugin(pluginId).getClient();
          expect(await engine.current(client)).toBe(`${prefix}${pluginId}`);
        } finally {
          await manager.destroy();
          await engine.drop(`${prefix}${pluginId}`);
        }
      },
    );
  }
});

describe('database shutdown', () => {
  it("DB-062: a plugin's Knex instance still works in that plugin's shutdown hooks", async () => {
    const backend = createTestBackend({
      config: { backend: { database: { client: 'better-sqlite3', connection: ':memory:' } } },
      defaultServiceFactories: [databaseServiceFactory],
    });
    const inHook: unknown[] = [];
    backend.add(
      createBackendPlugin({
        pluginId: 'keeper',
        register: (env) =>
          env.registerInit({
            deps: { database: coreServices.database, lifecycle: coreServices.lifecycle },
            async init({ database, lifecycle }) {
              const knex = (await database.getClient()) as Knex;
              await knex.schema.createTable('notes', (t) => t.string('text'));
              lifecycle.addShutdownHook(async () => {
                // Yield first, so a destroy running alongside the hooks would get ahead of us.
                await new Promise((resolve) => setTimeout(resolve, 20));
                await knex('notes').insert({ text: 'bye' });
                inHook.push(...(await knex('notes').pluck('text')));
              });
            },
          }),
      }),
    );
    await backend.start();
    await backend.stop();
    expect(inHook).toEqual(['bye']);
  });
});
