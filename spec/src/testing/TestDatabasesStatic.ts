import type { TestDatabases } from './TestDatabases.js';
import type { TestDatabasesOptions } from './TestDatabasesOptions.js';

/**
 * The type of a test kit's `TestDatabases` export: the constructor side, with `create`.
 *
 * **When to use**: `TestDatabases.create({ ids })` at the top of a test file.
 *
 * @requirement TEST-191
 * @see {@link TestDatabases}
 * @category testing
 * @since 0.1.0
 */
export interface TestDatabasesStatic {
  /** Creates the set of test databases. */
  create: <TClient = unknown>(options?: TestDatabasesOptions) => TestDatabases<TClient>;
}
