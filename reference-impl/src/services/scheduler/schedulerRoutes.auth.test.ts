import type { BackendFeature, SchedulerService, TestBackend } from '@openstage/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendPlugin } from '../../authoring/createBackendPlugin.js';
import { coreServiceRefs as core } from '../../testing/coreServiceRefs.js';
import { mockCredentials } from '../../testing/mockCredentials.js';
import { mockServices } from '../../testing/mockServices.js';
import { startTestBackend } from '../../testing/startTestBackend.js';
import { schedulerServiceFactory } from './schedulerServiceFactory.js';

let backend: TestBackend;
let base: string;
let runs = 0;

beforeAll(async () => {
  const plugin = createBackendPlugin({
    pluginId: 'ticker',
    register(reg) {
      reg.registerInit({
        deps: { scheduler: core.scheduler },
        async init({ scheduler }: { scheduler: SchedulerService }) {
          await scheduler.scheduleTask({
            id: 'tick',
            scope: 'local',
            frequency: { trigger: 'manual' },
            timeout: { seconds: 10 },
            fn: () => void (runs += 1),
          });
        },
      });
    },
  }) as unknown as BackendFeature;
  // The default scheduler factory, so its routes go on the plugin's router as in a real backend;
  // a request without a header counts as unauthenticated, as in a real backend, rather than as
  // the test kit's default user.
  backend = await startTestBackend({
    features: [
      schedulerServiceFactory,
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      plugin,
    ],
  });
  base = `http://127.0.0.1:${backend.server.port()}/api/ticker/.backstage/scheduler/v1/tasks`;
});
afterAll(async () => {
  await backend?.stop();
});

describe('scheduler routes behind the credentials barrier, over a real socket', () => {
  it('SCHED-122, SCHED-123: a request without credentials gets 401 on every route', async () => {
    const list = await fetch(base);
    expect(list.status).toBe(401);
    const trigger = await fetch(`${base}/tick/trigger`, { method: 'POST' });
    expect(trigger.status).toBe(401);
    const cancel = await fetch(`${base}/tick/cancel`, { method: 'POST' });
    expect(cancel.status).toBe(401);
    expect(runs).toBe(0);
  });

  it('SCHED-122: a token that does not verify is refused as well', async () => {
    const res = await fetch(base, { headers: { authorization: 'Bearer not-a-token' } });
    expect(res.status).toBe(401);
  });

  it('SCHED-122: a service credential passes the barrier, lists the task and triggers it', async () => {
    const authorization = mockCredentials.service.header();
    const list = await fetch(base, { headers: { authorization } });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { tasks: Array<{ taskId: string; pluginId: string }> };
    expect(body.tasks).toMatchObject([{ taskId: 'tick', pluginId: 'ticker' }]);
    const trigger = await fetch(`${base}/tick/trigger`, {
      method: 'POST',
      headers: { authorization },
    });
    expect(trigger.status).toBe(200);
    await expect.poll(() => runs).toBe(1);
  });

  it('SCHED-122: a user credential passes the barrier too', async () => {
    const res = await fetch(base, {
      headers: { authorization: mockCredentials.user.header('user:default/jane') },
    });
    expect(res.status).toBe(200);
  });
});
