import type { Knex } from 'knex';

const migrations: Record<string, Knex.Migration> = {
  '20261124_001_create_todos': {
    async up(knex) {
      await knex.schema.createTable('todos', (table) => {
        table.increments('id').primary();
        table.string('title', 200).notNullable();
        table.boolean('done').notNullable().defaultTo(false);
        table.string('created_by').notNullable();
        table.timestamp('created_at').notNullable().defaultTo(knex.fn.now());
      });
    },
    async down(knex) {
      await knex.schema.dropTable('todos');
    },
  },
  '20261124_002_seed_welcome_todos': {
    async up(knex) {
      await knex('todos').insert([
        { title: 'Read the Openstage spec', done: true, created_by: 'plugin:todo' },
        { title: 'Write a plugin', done: false, created_by: 'plugin:todo' },
      ]);
    },
    async down(knex) {
      await knex('todos').where({ created_by: 'plugin:todo' }).delete();
    },
  },
};

/** Brings the todo plugin's tables up to date, tracked in knex's own migration table. */
export async function migrateTodos(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    tableName: 'todo_migrations',
    migrationSource: {
      getMigrations: async () => Object.keys(migrations).sort(),
      getMigrationName: (name: string) => name,
      getMigration: async (name: string) => migrations[name]!,
    },
  });
}
