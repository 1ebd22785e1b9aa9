/**
 * A database engine a test kit can provide: `SQLITE_3` always, the others when the environment
 * gives a server.
 *
 * **When to use**: in `TestDatabases.create({ ids })` and `init(id)`.
 *
 * **Details**: `SQLITE_3`, `POSTGRES` and `MYSQL` are required; the versioned ids are Backstage's
 * and recommended.
 *
 * @requirement TEST-192
 * @requirement TEST-193
 * @see {@link TestDatabases}
 * @category testing
 * @since 0.1.0
 */
export type TestDatabaseId =
  | 'SQLITE_3'
  | 'POSTGRES'
  | 'MYSQL'
  | 'POSTGRES_18'
  | 'POSTGRES_17'
  | 'POSTGRES_16'
  | 'POSTGRES_15'
  | 'POSTGRES_14'
  | 'POSTGRES_13'
  | 'POSTGRES_12'
  | 'POSTGRES_11'
  | 'POSTGRES_9'
  | 'MYSQL_8';
