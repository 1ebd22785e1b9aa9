import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { deepEqual, ok } from '../../../harness/assert.js';
import { instance, serviceBackend } from '../serviceBackend.js';
import { call } from '../serviceCall.js';

const DATABASE = 'core.database';

/** The slice of a Knex instance the suite uses. */
interface KnexLike {
  (table: string): {
    insert(row: Record<string, unknown>): Promise<unknown>;
    select(...columns: string[]): Promise<Record<string, unknown>[]>;
  };
  schema: {
    createTable(
      name: string,
      build: (t: { string(name: string): unknown }) => void,
    ): Promise<unknown>;
    hasTable(name: string): Promise<boolean>;
  };
}
interface DatabaseLike {
  getClient(): Promise<KnexLike>;
}

const databaseTest = (test: Omit<ConformanceTest, 'chapter' | 'service'>): ConformanceTest =>
  defineTest({ ...test, chapter: 'service-database', service: DATABASE });

/** The contract suite of `core.database`, on the in-memory SQLite configuration. */
export const databaseTests: readonly ConformanceTest[] = [
  databaseTest({
    id: 'service-database/working-client',
    requirements: ['DB-002', 'DB-003'],
    description: 'getClient() resolves to the same working Knex client on every call',
    timeoutMs: 5000,
    async run(ctx) {
      const sb = await serviceBackend(ctx, DATABASE, {
        probes: [{ pluginId: 'store', services: [DATABASE] }],
      });
      const database = instance<DatabaseLike>(sb, 'store', DATABASE);
      const client = await call(() => database.getClient());
      ok(client === (await call(() => database.getClient())), 'getClient() returns one instance');
      await call(() => client.schema.createTable('conformance_items', (t) => t.string('name')));
      await call(() => client('conformance_items').insert({ name: 'one' }));
      deepEqual(
        await call(() => client('conformance_items').select('name')),
        [{ name: 'one' }],
        'rows read back',
      );
    },
  }),
  databaseTest({
    id: 'service-database/plugin-isolation',
    requirements: ['DB-011', 'DB-012'],
    description: 'two plugins creating the same table each see only their own table and rows',
    timeoutMs: 5000,
    async run(ctx) {
      const sb = await serviceBackend(ctx, DATABASE, {
        probes: [
          { pluginId: 'left', services: [DATABASE] },
          { pluginId: 'right', services: [DATABASE] },
        ],
      });
      const left = await call(() => instance<DatabaseLike>(sb, 'left', DATABASE).getClient());
      const right = await call(() => instance<DatabaseLike>(sb, 'right', DATABASE).getClient());
      await call(() => left.schema.createTable('only_left', (t) => t.string('name')));
      ok(!(await call(() => right.schema.hasTable('only_left'))), "right sees left's table");
      for (const [client, name] of [
        [left, 'left'],
        [right, 'right'],
      ] as const) {
        await call(() => client.schema.createTable('shared_name', (t) => t.string('name')));
        await call(() => client('shared_name').insert({ name }));
      }
      deepEqual(
        await call(() => left('shared_name').select('name')),
        [{ name: 'left' }],
        'left rows',
      );
      deepEqual(
        await call(() => right('shared_name').select('name')),
        [{ name: 'right' }],
        'right rows',
      );
    },
  }),
];
