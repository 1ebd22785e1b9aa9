import type { BackendFeature, SchedulerService, TestBackend } from '@openstage/spec';
import type { Knex } from 'knex';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '../../src/index.js';
import { MemoryConfig } from '../../src/services/rootLogger/testing/MemoryConfig.js';
import {
  databaseService,
  memoryDatabase,
  recordingLogger,
} from '../../src/services/scheduler/__fixtures__/testHelpers.js';
import { schedulerServiceFactory } from '../../src/services/scheduler/schedulerServiceFactory.js';
import { TaskManager } from '../../src/services/scheduler/TaskManager.js';
import { coreServiceRefs as core } from '../../src/testing/coreServiceRefs.js';
import { mockCredentials } from '../../src/testing/mockCredentials.js';
import { mockServices } from '../../src/testing/mockServices.js';
import { startTestBackend } from '../../src/testing/startTestBackend.js';

const managers: TaskManager[] = [];
const databases: Knex[] = [];
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.shutdown()));
  await Promise.all(databases.splice(0).map((k) => k.destroy()));
});

function scheduler(pluginId = 'settings'): SchedulerService {
  const knex = memoryDatabase();
  databases.push(knex);
  const manager = new TaskManager();
  managers.push(manager);
  return manager.forPlugin({
    pluginId,
    database: databaseService(knex),
    logger: recordingLogger(),
  });
}

/** The stored settings of each task, by id. */
async function settingsOf(service: SchedulerService): Promise<Record<string, unknown>> {
  const tasks = await service.getScheduledTasks();
  return Object.fromEntries(tasks.map((t) => [t.id, t.settings]));
}

const idle = () => undefined;

describe('scheduled task settings', () => {
  it('SCHED-102: cadence is the cron expression unchanged, manual, or an ISO 8601 duration', async () => {
    const service = scheduler();
    const timeout = { minutes: 1 };
    await service.scheduleTask({
      id: 'cron',
      frequency: { cron: '*/5  3 * * 1-5' },
      timeout,
      fn: idle,
    });
    await service.scheduleTask({
      id: 'manual',
      frequency: { trigger: 'manual' },
      timeout,
      fn: idle,
    });
    await service.scheduleTask({
      id: 'dur',
      frequency: { hours: 2, minutes: 30 },
      timeout,
      fn: idle,
    });
    const settings = await settingsOf(service);
    expect(settings['cron']).toMatchObject({ cadence: '*/5  3 * * 1-5' });
    expect(settings['manual']).toMatchObject({ cadence: 'manual' });
    expect(settings['dur']).toMatchObject({ cadence: 'PT2H30M' });
  });

  it('SCHED-103, SCHED-104: timeout and initial delay are ISO 8601 strings; no initialDelay, no field', async () => {
    const service = scheduler();
    await service.scheduleTask({
      id: 'delayed',
      frequency: { hours: 1 },
      timeout: { minutes: 90 },
      initialDelay: { seconds: 45 },
      fn: idle,
    });
    await service.scheduleTask({
      id: 'plain',
      frequency: { hours: 1 },
      timeout: { seconds: 10 },
      fn: idle,
    });
    const settings = await settingsOf(service);
    expect(settings['delayed']).toMatchObject({
      timeoutAfterDuration: 'PT90M',
      initialDelayDuration: 'PT45S',
    });
    expect(settings['plain']).toMatchObject({ timeoutAfterDuration: 'PT10S' });
    expect(settings['plain']).not.toHaveProperty('initialDelayDuration');
  });
});

describe('readSchedulerServiceTaskScheduleDefinitionFromConfig', () => {
  it('SCHED-131: the authoring library exports it and scheduleTask accepts what it returns', async () => {
    const section = new MemoryConfig({
      frequency: { cron: '0 4 * * *' },
      timeout: 'PT15M',
      initialDelay: { seconds: 30 },
      scope: 'local',
    });
    const schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(section);
    const service = scheduler();
    await service.scheduleTask({ id: 'from-config', ...schedule, fn: idle });
    const [task] = await service.getScheduledTasks();
    expect(task).toMatchObject({
      id: 'from-config',
      scope: 'local',
      settings: {
        cadence: '0 4 * * *',
        timeoutAfterDuration: 'PT15M',
        initialDelayDuration: 'PT30S',
      },
    });
  });
});

describe('scheduler routes', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    const plugin = (pluginId: string, taskId: string) =>
      createBackendPlugin({
        pluginId,
        register(reg) {
          reg.registerInit({
            deps: { scheduler: core.scheduler },
            async init({ scheduler: s }: { scheduler: SchedulerService }) {
              await s.scheduleTask({
                id: taskId,
                scope: 'local',
                frequency: { trigger: 'manual' },
                timeout: { seconds: 10 },
                fn: idle,
              });
            },
          });
        },
      }) as unknown as BackendFeature;
    backend = await startTestBackend({
      features: [
        schedulerServiceFactory,
        mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.service() }),
        plugin('alpha', 'a-task'),
        plugin('beta', 'b-task'),
      ],
    });
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it("SCHED-111: the default factory serves the routes under /api/<pluginId>/.backstage/scheduler/v1/ on each plugin's router", async () => {
    const base = `http://127.0.0.1:${backend.server.port()}/api`;
    for (const [pluginId, taskId] of [
      ['alpha', 'a-task'],
      ['beta', 'b-task'],
    ] as const) {
      const res = await fetch(`${base}/${pluginId}/.backstage/scheduler/v1/tasks`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { tasks: Array<{ taskId: string; pluginId: string }> };
      expect(body.tasks.map((t) => [t.pluginId, t.taskId])).toEqual([[pluginId, taskId]]);
    }
    expect((await fetch(`${base}/.backstage/scheduler/v1/tasks`)).status).toBe(404);
  });
});
