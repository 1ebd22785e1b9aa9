import type { Knex } from 'knex';

/** The table that holds global task state (SCHED-060). */
export const TASKS_TABLE = 'backstage_backend_tasks__tasks';
/** The knex migrations table of the scheduler (SCHED-060). */
export const MIGRATIONS_TABLE = 'backstage_backend_tasks__knex_migrations';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

// The names match Backstage's migration files, so a database migrated by either implementation
// is seen as up to date by the other and both coordinate through the same rows (SCHED-060).
const MIGRATIONS: ReadonlyArray<readonly [string, Migration]> = [
  [
    '20210928160613_init.js',
    {
      async up(knex) {
        await knex.schema.createTable(TASKS_TABLE, (table) => {
          table.comment('Scheduled tasks coordinated across backend instances');
          table
            .string('id')
            .primary()
            .notNullable()
            .comment('The task id, unique within the plugin');
          table.text('settings_json').notNullable().comment('The task settings as JSON');
          // Millisecond precision so that short cadences keep distinct due times on MySQL,
          // whose DATETIME defaults to whole seconds.
          table
            .dateTime('next_run_start_at', { precision: 3 })
            .notNullable()
            .comment('When the next run is due');
          table.text('current_run_ticket').nullable().comment('The lease of the run in progress');
          table
            .dateTime('current_run_started_at', { precision: 3 })
            .nullable()
            .comment('When the run in progress started');
          table
            .dateTime('current_run_expires_at', { precision: 3 })
            .nullable()
            .comment('When the lease of the run in progress expires');
        });
      },
      async down(knex) {
        await knex.schema.dropTable(TASKS_TABLE);
      },
    },
  ],
  [
    '20250411000000_last_run.js',
    {
      async up(knex) {
        await knex.schema.alterTable(TASKS_TABLE, (table) => {
          table
            .text('last_run_error_json', 'longtext')
            .nullable()
            .comment('The error of the last run as JSON, if it failed');
          table
            .dateTime('last_run_ended_at', { precision: 3 })
            .nullable()
            .comment('When the last run ended');
        });
      },
      async down(knex) {
        await knex.schema.alterTable(TASKS_TABLE, (table) => {
          table.dropColumn('last_run_error_json');
          table.dropColumn('last_run_ended_at');
        });
      },
    },
  ],
];

const migrationSource: Knex.MigrationSource<readonly [string, Migration]> = {
  getMigrations: async () => [...MIGRATIONS],
  getMigrationName: ([name]) => name,
  getMigration: async ([, migration]) => migration,
};

/**
 * Brings the scheduler tables of a plugin's database up to date.
 *
 * Instances that start together race for knex's migration lock, and the loser fails with "already
 * locked" (or, on a fresh database, with a duplicate migrations table); it waits and tries again,
 * by which time the winner has usually finished and there is nothing left to do.
 */
export async function migrateSchedulerTables(knex: Knex, attempts = 20): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await knex.migrate.latest({ tableName: MIGRATIONS_TABLE, migrationSource });
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}
