import { TestDatabases } from '@openstage/reference-impl/testing';
import type { Knex } from 'knex';
import { afterAll, describe, expect, it } from 'vitest';

// #region databases
/** The code under test: a migration written with knex, as the plugin runs it at startup. */
async function migrate(knex: Knex): Promise<void> {
  await knex.schema.createTable('bookmarks', (table) => {
    table.increments('id');
    table.string('url').notNullable().unique();
  });
}

describe('the bookmarks migration', () => {
  // SQLite always; Postgres and MySQL when OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING or
  // OPENSTAGE_TEST_MYSQL_CONNECTION_STRING name a server.
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES', 'MYSQL'] });
  afterAll(() => databases.shutdown());

  it.each(databases.eachSupportedId())('creates a table with unique URLs on %s', async (id) => {
    const knex = await databases.init(id);
    await migrate(knex);
    await knex('bookmarks').insert({ url: 'https://openstage.invalid/' });
    await expect(knex('bookmarks').insert({ url: 'https://openstage.invalid/' })).rejects.toThrow();
    // Drivers return counts as numbers or strings; compare the rows instead.
    expect(await knex('bookmarks').select('url')).toEqual([{ url: 'https://openstage.invalid/' }]);
  });
});
// #endregion databases
