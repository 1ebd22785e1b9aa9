import type { Knex } from 'knex';

/** The table that holds the public keys of every replica of a plugin (AUTH-111). */
export const PUBLIC_KEYS_TABLE = 'backstage_backend_public_keys__keys';

/** The knex migrations table of {@link PUBLIC_KEYS_TABLE} (AUTH-111). */
export const PUBLIC_KEYS_MIGRATIONS_TABLE = 'backstage_backend_public_keys__knex_migrations';

/**
 * Backstage names this migration after its file; using the same name lets a replica running
 * Backstage's implementation and one running ours share one migrations table (AUTH-111).
 */
const MIGRATION_NAME = '20240327104803_public_keys.js';

const migration: Knex.Migration = {
  async up(knex) {
    await knex.schema.createTable(PUBLIC_KEYS_TABLE, (table) => {
      table.comment('Public keys with which plugin tokens of this plugin verify');
      table.string('id').primary().notNullable().comment('The key id (kid)');
      table.text('key').notNullable().comment('The public key as a JSON Web Key');
      // An ISO 8601 string, as in Backstage's schema; comparisons happen in the client.
      table.string('expires_at').notNullable().comment('When the key stops being listed');
    });
  },
  async down(knex) {
    await knex.schema.dropTable(PUBLIC_KEYS_TABLE);
  },
};

/** The in-code migration source for the public keys table. */
export const publicKeysMigrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => [MIGRATION_NAME],
  getMigrationName: (name) => name,
  getMigration: async () => migration,
};
