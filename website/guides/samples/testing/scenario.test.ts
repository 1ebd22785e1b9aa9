import { coreServices, createBackendPlugin } from '@openstage/reference-impl';
import { createFakeClock, startTestBackend } from '@openstage/reference-impl/testing';
import express from 'express';
import { expect, it } from 'vitest';
import { bookmarksPlugin } from '../plugin/bookmarksPlugin.js';

/** Caches a value for ten minutes at startup and serves it at `/api/counts/count` while cached. */
const countsPlugin = createBackendPlugin({
  pluginId: 'counts',
  register(env) {
    env.registerInit({
      deps: { cache: coreServices.cache, httpRouter: coreServices.httpRouter },
      async init({ cache, httpRouter }) {
        await cache.set('count', 3, { ttl: { minutes: 10 } });
        const router = express.Router();
        router.get('/count', async (_req, res) => {
          const count = await cache.get('count');
          if (count === undefined) res.status(404).end();
          else res.json({ count });
        });
        httpRouter.use(router);
      },
    });
  },
});

// #region clock
it('expires cache entries on the fake clock, without waiting', async () => {
  const clock = createFakeClock({ now: Date.parse('2026-01-01T00:00:00Z') });
  const backend = await startTestBackend({ features: [countsPlugin], clock });
  try {
    const status = () =>
      fetch(`http://localhost:${backend.server.port()}/api/counts/count`).then((r) => r.status);
    expect(await status()).toBe(200);
    await clock.advance({ minutes: 9 });
    expect(await status()).toBe(200);
    await clock.advance({ minutes: 2 });
    expect(await status()).toBe(404);
  } finally {
    await backend.stop();
  }
});
// #endregion clock

// #region faults
it('reports a plugin whose init fails, as a real backend would', async () => {
  const failure = await startTestBackend({
    features: [bookmarksPlugin],
    faults: [{ target: 'init', pluginId: 'bookmarks', effect: 'throw' }],
  }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(Error);
  expect((failure as Error).message).toMatch(/Plugin 'bookmarks' startup failed/);
});
// #endregion faults
