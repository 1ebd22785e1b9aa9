/**
 * A cache store a test kit can provide: `MEMORY` always, the others when the environment gives a
 * server.
 *
 * **When to use**: in `TestCaches.create({ ids })` and `init(id)`.
 *
 * **Details**: `MEMORY`, `REDIS` and `VALKEY` are required; the versioned ids are Backstage's
 * and recommended.
 *
 * @requirement TEST-212
 * @requirement TEST-213
 * @see {@link TestCaches}
 * @category testing
 * @since 0.1.0
 */
export type TestCacheId = 'MEMORY' | 'REDIS' | 'VALKEY' | 'REDIS_7' | 'VALKEY_8' | 'MEMCACHED_1';
