import { coreServices, createBackendPlugin } from '@openstage/reference-impl';
import { createFakeClock, startTestBackend } from '@openstage/reference-impl/testing';
import { expect, it } from 'vitest';

/** Refreshes a digest every ten minutes; `refreshes` counts the runs. */
let refreshes = 0;
const digestPlugin = createBackendPlugin({
  pluginId: 'digest',
  register(env) {
    env.registerInit({
      deps: { scheduler: coreServices.scheduler },
      async init({ scheduler }) {
        await scheduler.scheduleTask({
          id: 'refresh-digest',
          frequency: { minutes: 10 },
          timeout: { minutes: 1 },
          fn: async () => {
            refreshes += 1;
          },
        });
      },
    });
  },
});

// #region scheduler
it('runs a scheduled task at each due time of the fake clock', async () => {
  const clock = createFakeClock({ now: Date.parse('2026-01-01T00:00:00Z') });
  const backend = await startTestBackend({ features: [digestPlugin], clock });
  try {
    await clock.advance(0);
    expect(refreshes).toBe(1); // due as soon as it is scheduled
    await clock.advance({ minutes: 9 });
    expect(refreshes).toBe(1); // nothing is due yet
    await clock.advance({ minutes: 16 });
    expect(refreshes).toBe(3); // due again at 10 and at 20 minutes
  } finally {
    await backend.stop();
  }
});
// #endregion scheduler
