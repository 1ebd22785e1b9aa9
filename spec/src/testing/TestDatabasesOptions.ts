import type { TestDatabaseId } from './TestDatabaseId.js';

/**
 * Options of `TestDatabases.create`.
 *
 * **When to use**: to limit the engines a test runs against.
 *
 * @requirement TEST-191
 * @see {@link TestDatabases}
 * @category testing
 * @since 0.1.0
 */
export interface TestDatabasesOptions {
  /** The engines to offer; every engine the test kit knows when omitted. */
  ids?: TestDatabaseId[];
}
