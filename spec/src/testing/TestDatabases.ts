import type { TestDatabaseId } from './TestDatabaseId.js';

/**
 * Fresh, empty databases for tests, one per `init` call, on every engine the environment
 * supports.
 *
 * **When to use**: to run a plugin's database code against SQLite and, in CI, against PostgreSQL
 * and MySQL: `it.each(databases.eachSupportedId())(..., async id => { const knex = await
 * databases.init(id); ... })`.
 *
 * **Details**: `init` resolves to a knex instance; the client type is a parameter so that the
 * specification does not depend on knex's types. Everything created is dropped when the test
 * file ends or when `shutdown()` is called.
 *
 * @requirement TEST-191
 * @requirement TEST-194
 * @requirement TEST-195
 * @requirement TEST-196
 * @requirement TEST-197
 * @requirement TEST-198
 * @requirement TEST-199
 * @requirement TEST-200
 * @requirement TEST-201
 * @requirement TEST-202
 * @requirement TEST-203
 * @requirement TEST-204
 * @requirement TEST-205
 * @see {@link TestDatabasesStatic}
 * @category testing
 * @since 0.1.0
 */
export interface TestDatabases<TClient = unknown> {
  /** A client connected to a new, empty logical database on engine `id`. */
  init: (id: TestDatabaseId) => Promise<TClient>;
  /** Whether `init(id)` would succeed in this environment. */
  supports: (id: TestDatabaseId) => boolean;
  /** `[[id], ...]` for each supported id, in the order given to `create`, for `it.each`. */
  eachSupportedId: () => Array<[TestDatabaseId]>;
  /** Drops every database created and closes the connections. */
  shutdown: () => Promise<void>;
}
