import type { TestDatabaseId } from './TestDatabaseId.js';

/**
 * A database shared by several test backends, so that they behave like replicas of one
 * deployment.
 *
 * **When to use**: pass the same handle as `sharedDatabase` to several `startTestBackend` calls,
 * for example to prove that a global scheduled task runs on one instance only.
 *
 * **Details**: each plugin id still gets its own logical database, shared by every backend that
 * uses the handle. The backends keep their own servers, caches and lifecycles.
 *
 * @requirement TEST-248
 * @requirement TEST-249
 * @requirement TEST-250
 * @requirement TEST-251
 * @requirement TEST-252
 * @requirement TEST-253
 * @see {@link CreateSharedTestDatabase}
 * @category testing
 * @since 0.1.0
 */
export interface SharedTestDatabase {
  /** The engine of the shared database. */
  id: TestDatabaseId;
  /** Drops the shared databases. */
  shutdown: () => Promise<void>;
}
