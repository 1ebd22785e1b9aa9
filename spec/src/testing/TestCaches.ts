import type { TestCacheConnection } from './TestCacheConnection.js';
import type { TestCacheId } from './TestCacheId.js';

/**
 * Fresh, empty cache stores for tests, on every store the environment supports.
 *
 * **When to use**: to run a plugin's or a cache implementation's tests against memory and, in CI,
 * against Redis and Valkey.
 *
 * @requirement TEST-211
 * @requirement TEST-214
 * @requirement TEST-215
 * @requirement TEST-216
 * @requirement TEST-217
 * @requirement TEST-218
 * @requirement TEST-221
 * @see {@link TestCachesStatic}
 * @category testing
 * @since 0.1.0
 */
export interface TestCaches {
  /** The configuration of an empty store of kind `id`. */
  init: (id: TestCacheId) => Promise<TestCacheConnection>;
  /** Whether `init(id)` would succeed in this environment. */
  supports: (id: TestCacheId) => boolean;
  /** `[[id], ...]` for each supported id, in the order given to `create`, for `it.each`. */
  eachSupportedId: () => Array<[TestCacheId]>;
}
