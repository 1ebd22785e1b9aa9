import { afterAll, describe, expect, it } from 'vitest';
import knexFactory from 'knex';
import { TestDatabases } from './TestDatabases.js';

const ENGINES = [
  ['POSTGRES', 'OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING'],
  ['MYSQL', 'OPENSTAGE_TEST_MYSQL_CONNECTION_STRING'],
] as const;
for (const [id, env] of ENGINES) {
  if (!process.env[env]) console.info(`TestDatabases: ${id} tests skipped, set ${env} to run them`);
}

describe('TestDatabases', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES', 'MYSQL'] });
  afterAll(() => databases.shutdown());

  it('TEST-191, TEST-192, TEST-204: the given ids, supported ones listed in order', () => {
    expect(databases.supports('SQLITE_3')).toBe(true);
    expect(databases.eachSupportedId()[0]).toEqual(['SQLITE_3']);
    expect(databases.eachSupportedId().map(([id]) => id)).toEqual(
      ['SQLITE_3', 'POSTGRES', 'MYSQL'].filter(
        (id) => id === 'SQLITE_3' || process.env[`OPENSTAGE_TEST_${id}_CONNECTION_STRING`],
      ),
    );
    expect(TestDatabases.create().supports('POSTGRES_16')).toBe(
      Boolean(process.env['BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING']),
    );
  });

  it('TEST-197, TEST-203, TEST-205: an id without its variable is unsupported and init names it', async () => {
    const saved = process.env['OPENSTAGE_TEST_MYSQL_CONNECTION_STRING'];
    delete process.env['OPENSTAGE_TEST_MYSQL_CONNECTION_STRING'];
    try {
      const local = TestDatabases.create({ ids: ['SQLITE_3', 'MYSQL'] });
      expect(local.supports('MYSQL')).toBe(false);
      await expect(local.init('MYSQL')).rejects.toMatchObject({
        code: 'TEST_UNSUPPORTED_DATABASE',
        message: expect.stringMatching(/MYSQL.*SQLITE_3/),
      });
      await local.shutdown();
    } finally {
      if (saved !== undefined) process.env['OPENSTAGE_TEST_MYSQL_CONNECTION_STRING'] = saved;
    }
  });

  it.each(databases.eachSupportedId())(
    'TEST-194 to TEST-196, TEST-201: %s gives a fresh, empty database per init',
    async (id) => {
      const a = await databases.init(id);
      const b = await databases.init(id);
      await a.schema.createTable('things', (t) => t.string('name'));
      await a('things').insert({ name: 'x' });
      expect(await a('things').count({ n: '*' })).toEqual([{ n: expect.anything() }]);
      expect(await b.schema.hasTable('things')).toBe(false);
    },
  );

  it.skipIf(!process.env['OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING'])(
    'TEST-202: shutdown drops the logical databases (POSTGRES; needs OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING)',
    async () => {
      const local = TestDatabases.create({ ids: ['POSTGRES'] });
      const knex = await local.init('POSTGRES');
      const { rows } = (await knex.raw('select current_database() as name')) as {
        rows: Array<{ name: string }>;
      };
      const name = rows[0]!.name;
      await local.shutdown();
      const admin = knexFactory({
        client: 'pg',
        connection: process.env['OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING'],
      });
      try {
        const found = (await admin.raw('select 1 from pg_database where datname = ?', [name])) as {
          rows: unknown[];
        };
        expect(found.rows).toEqual([]);
      } finally {
        await admin.destroy();
      }
    },
  );
});
