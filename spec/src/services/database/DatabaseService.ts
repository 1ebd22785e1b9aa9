/**
 * The `database` service (`core.database`, plugin scope): a database connection of the plugin's
 * own.
 *
 * **When to use**: depend on `coreServices.database` and call `getClient()` to reach the plugin's
 * logical database; run the plugin's migrations on it unless `migrations.skip` is set.
 *
 * **Details**: Backstage-compatible runtimes hand out a knex instance, and Backstage plugins rely
 * on that. This specification does not depend on knex's types, so the client type is a type
 * parameter, `unknown` by default: Backstage's `DatabaseService` is assignable to
 * `DatabaseService`, and `DatabaseService<Knex>` is assignable to Backstage's
 * `DatabaseService` and back. Code that uses the client writes `DatabaseService<Knex>`.
 *
 * @example
 * ```ts
 * import type { Knex } from 'knex';
 * declare const database: DatabaseService<Knex>;
 * const knex = await database.getClient();
 * ```
 *
 * @requirement DB-001
 * @category services
 * @since 0.1.0
 */
export interface DatabaseService<TClient = unknown> {
  /**
   * The client of the plugin's database; the same client on every call.
   *
   * @requirement DB-002
   * @requirement DB-003
   */
  getClient: () => Promise<TClient>;
  /**
   * How the plugin should treat its migrations.
   *
   * @requirement DB-004
   * @requirement DB-005
   * @requirement DB-006
   */
  migrations?: {
    /** When `true`, the plugin must not run its migrations, for example on a read-only database. */
    skip?: boolean;
  };
}
