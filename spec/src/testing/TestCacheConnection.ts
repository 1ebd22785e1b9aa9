/**
 * The configuration that makes a backend use one test cache store.
 *
 * **When to use**: returned by `TestCaches#init`; put the values in `backend.cache.store` and
 * `backend.cache.connection` of the test backend's configuration.
 *
 * @requirement TEST-219
 * @requirement TEST-220
 * @see {@link TestCaches}
 * @category testing
 * @since 0.1.0
 */
export interface TestCacheConnection {
  /** The value for `backend.cache.store`. */
  store: string;
  /** The value for `backend.cache.connection`. */
  connection: string;
}
