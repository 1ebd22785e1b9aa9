import type { SharedTestDatabase } from './SharedTestDatabase.js';
import type { TestDatabaseId } from './TestDatabaseId.js';

/**
 * The signature of `createSharedTestDatabase`: a {@link SharedTestDatabase} on engine `id`,
 * `SQLITE_3` by default.
 *
 * **When to use**: at the start of a multi-instance scenario test.
 *
 * @requirement TEST-248
 * @see {@link SharedTestDatabase}
 * @category testing
 * @since 0.1.0
 */
export type CreateSharedTestDatabase = (options?: {
  /** The engine; `SQLITE_3` when omitted. */
  id?: TestDatabaseId;
}) => SharedTestDatabase;
