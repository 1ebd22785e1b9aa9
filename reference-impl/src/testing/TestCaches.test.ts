import { describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { TestCaches } from './TestCaches.js';

if (!process.env['OPENSTAGE_TEST_REDIS_CONNECTION_STRING']) {
  console.info(
    'TestCaches: REDIS tests skipped, set OPENSTAGE_TEST_REDIS_CONNECTION_STRING to run them',
  );
}

describe('TestCaches', () => {
  it('TEST-211, TEST-212, TEST-214, TEST-217: MEMORY always, others only with their variable', () => {
    const caches = TestCaches.create();
    expect(caches.supports('MEMORY')).toBe(true);
    expect(caches.supports('VALKEY')).toBe(
      Boolean(process.env['OPENSTAGE_TEST_VALKEY_CONNECTION_STRING']),
    );
    expect(caches.eachSupportedId()[0]).toEqual(['MEMORY']);
    expect(TestCaches.create({ ids: ['MEMORY'] }).eachSupportedId()).toEqual([['MEMORY']]);
  });

  it('TEST-219: MEMORY describes the memory store', async () => {
    await expect(TestCaches.create().init('MEMORY')).resolves.toEqual({
      store: 'memory',
      connection: '',
    });
  });

  it('TEST-221: init of an unsupported id names it and the supported ones', async () => {
    await expect(
      TestCaches.create({ ids: ['MEMORY', 'MEMCACHED_1'] }).init('MEMCACHED_1'),
    ).rejects.toMatchObject({
      code: 'TEST_UNSUPPORTED_CACHE',
      message: expect.stringMatching(/MEMCACHED_1.*MEMORY/),
    });
  });

  it.skipIf(!process.env['OPENSTAGE_TEST_REDIS_CONNECTION_STRING'])(
    'TEST-215, TEST-220: REDIS is described by its URL and starts empty (needs OPENSTAGE_TEST_REDIS_CONNECTION_STRING)',
    async () => {
      const first = await TestCaches.create().init('REDIS');
      expect(first.store).toBe('redis');
      const client = new Redis(first.connection);
      try {
        await client.set('openstage-test-kit-leftover', '1');
        await expect(TestCaches.create().init('REDIS')).resolves.toEqual(first);
        expect(await client.get('openstage-test-kit-leftover')).toBeNull();
      } finally {
        client.disconnect();
      }
    },
  );
});
