import type { TestCacheId } from './TestCacheId.js';
import type { TestCaches } from './TestCaches.js';

/**
 * The type of a test kit's `TestCaches` export: the constructor side, with `create`.
 *
 * **When to use**: `TestCaches.create({ ids })` at the top of a test file.
 *
 * @requirement TEST-211
 * @see {@link TestCaches}
 * @category testing
 * @since 0.1.0
 */
export interface TestCachesStatic {
  /** Creates the set of test caches, for `ids` or every store the test kit knows. */
  create: (options?: { ids?: TestCacheId[] }) => TestCaches;
}
