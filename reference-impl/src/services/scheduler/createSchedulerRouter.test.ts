import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import {
  databaseService,
  deferred,
  memoryDatabase,
  recordingLogger,
  waitUntil,
} from './__fixtures__/testHelpers.js';
import { createSchedulerRouter } from './createSchedulerRouter.js';
import { TaskManager } from './TaskManager.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve() {
  const knex = memoryDatabase();
  const manager = new TaskManager();
  const scheduler = manager.forPlugin({
    pluginId: 'catalog',
    database: databaseService(knex),
    logger: recordingLogger(),
  });
  const app = express().use(createSchedulerRouter(scheduler));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  cleanups.push(async () => {
    await manager.shutdown();
    await new Promise((resolve) => server.close(resolve));
    await knex.destroy();
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.backstage/scheduler/v1/tasks`;
  return { scheduler, base };
}

describe('createSchedulerRouter', () => {
  it('SCHED-112, SCHED-113, SCHED-114, SCHED-115, SCHED-116: lists tasks with their state', async () => {
    const { scheduler, base } = await serve();
    await scheduler.scheduleTask({
      id: 'g',
      frequency: { hours: 1 },
      timeout: { minutes: 1 },
      initialDelay: { hours: 1 },
      fn: () => {},
    });
    await scheduler.scheduleTask({
      id: 'l',
      scope: 'local',
      frequency: { trigger: 'manual' },
      timeout: { minutes: 1 },
      fn: () => {},
    });
    const response = await fetch(base);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { tasks: Array<Record<string, unknown>> };
    expect(body.tasks.map((t) => t.taskId)).toEqual(['g', 'l']);
    expect(body.tasks[0]).toEqual({
      taskId: 'g',
      pluginId: 'catalog',
      scope: 'global',
      settings: {
        version: 2,
        cadence: 'PT1H',
        timeoutAfterDuration: 'PT1M',
        initialDelayDuration: 'PT1H',
      },
      taskState: {
        status: 'idle',
        startsAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      },
      workerState: { status: 'initial-wait' },
    });
    expect(body.tasks[1]).toMatchObject({
      scope: 'local',
      taskState: { status: 'idle' },
      workerState: { status: 'idle' },
    });
  });

  it('SCHED-117, SCHED-118, SCHED-119, SCHED-120, SCHED-121: trigger and cancel answer 200, 404 and 409', async () => {
    const { scheduler, base } = await serve();
    let started = false;
    const aborted = deferred();
    await scheduler.scheduleTask({
      id: 'm',
      scope: 'local',
      frequency: { trigger: 'manual' },
      timeout: { minutes: 1 },
      fn: (signal) => {
        started = true;
        return new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            aborted.resolve();
            resolve();
          }),
        );
      },
    });
    expect((await fetch(`${base}/nope/trigger`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/nope/cancel`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/m/cancel`, { method: 'POST' })).status).toBe(409);
    const triggered = await fetch(`${base}/m/trigger`, { method: 'POST' });
    expect(triggered.status).toBe(200);
    expect(await triggered.text()).toBe('');
    await waitUntil('the run starts', () => started);
    expect((await fetch(`${base}/m/trigger`, { method: 'POST' })).status).toBe(409);
    const cancelled = await fetch(`${base}/m/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(200);
    await aborted.promise;
  });
});
