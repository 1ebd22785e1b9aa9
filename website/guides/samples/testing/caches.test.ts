import { coreServices, createBackendPlugin } from '@openstage/reference-impl';
import { mockServices, startTestBackend, TestCaches } from '@openstage/reference-impl/testing';
import type { JsonObject } from '@openstage/spec';
import { describe, expect, it } from 'vitest';

// #region caches
describe('the cache behind a plugin', () => {
  // MEMORY always; Redis when OPENSTAGE_TEST_REDIS_CONNECTION_STRING names a server.
  const caches = TestCaches.create({ ids: ['MEMORY', 'REDIS'] });

  it.each(caches.eachSupportedId())('keeps a value between two plugins inits on %s', async (id) => {
    const connection = await caches.init(id);
    let seen: unknown;
    const writer = createBackendPlugin({
      pluginId: 'writer',
      register(env) {
        env.registerInit({
          deps: { cache: coreServices.cache },
          async init({ cache }) {
            await cache.set('greeting', 'hello');
            seen = await cache.get('greeting');
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [
        writer,
        mockServices.rootConfig.factory({
          data: { backend: { cache: connection as unknown as JsonObject } },
        }),
      ],
    });
    await backend.stop();
    expect(seen).toBe('hello');
  });
});
// #endregion caches
