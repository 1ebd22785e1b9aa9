import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import {
  databaseService,
  deferred,
  memoryDatabase,
  recordingLogger,
  waitUntil,
} from './__fixtures__/testHelpers.js';
import { TASKS_TABLE } from './migrateSchedulerTables.js';
import { TaskManager } from './TaskManager.js';

const managers: TaskManager[] = [];
const databases: Knex[] = [];

afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.shutdown()));
  await Promise.all(databases.splice(0).map((k) => k.destroy()));
});

function setup(options: { pluginId?: string; knex?: Knex; skipMigrations?: boolean } = {}) {
  const knex = options.knex ?? memoryDatabase();
  if (options.knex === undefined) databases.push(knex);
  const manager = new TaskManager();
  managers.push(manager);
  const logger = recordingLogger();
  const scheduler = manager.forPlugin({
    pluginId: options.pluginId ?? 'catalog',
    database: databaseService(knex, options.skipMigrations),
    logger,
  });
  return { knex, manager, logger, scheduler };
}

const quick = { timeout: { seconds: 5 } };

describe('PluginTaskScheduler: interface', () => {
  it('SCHED-002, SCHED-012, SCHED-106: scheduled tasks are listed once scheduleTask resolves, in order, with scope and settings', async () => {
    const { scheduler } = setup();
    await scheduler.scheduleTask({
      id: 'b',
      frequency: { trigger: 'manual' },
      ...quick,
      fn: () => {},
    });
    await scheduler.scheduleTask({
      id: 'a',
      scope: 'local',
      frequency: { minutes: 90 },
      ...quick,
      fn: () => {},
    });
    expect(await scheduler.getScheduledTasks()).toEqual([
      {
        id: 'b',
        scope: 'global',
        settings: { version: 2, cadence: 'manual', timeoutAfterDuration: 'PT5S' },
      },
      {
        id: 'a',
        scope: 'local',
        settings: { version: 2, cadence: 'PT90M', timeoutAfterDuration: 'PT5S' },
      },
    ]);
  });

  it('SCHED-003: an empty task id is rejected naming the plugin', async () => {
    const { scheduler } = setup();
    await expect(
      scheduler.scheduleTask({ id: '', frequency: { minutes: 1 }, ...quick, fn: () => {} }),
    ).rejects.toMatchObject({
      name: 'InputError',
      code: 'SCHED_INVALID_TASK_ID',
      pluginId: 'catalog',
    });
  });

  it('SCHED-023: an invalid cron expression is rejected naming the task id', async () => {
    const { scheduler } = setup();
    await expect(
      scheduler.scheduleTask({
        id: 'nightly',
        frequency: { cron: '0 25 * * *' },
        ...quick,
        fn: () => {},
      }),
    ).rejects.toMatchObject({
      code: 'SCHED_INVALID_FREQUENCY',
      taskId: 'nightly',
      message: expect.stringContaining("task 'nightly' of plugin 'catalog'"),
    });
  });

  it('SCHED-025: a scope other than global or local is rejected', async () => {
    const { scheduler } = setup();
    const task = {
      id: 'x',
      frequency: { minutes: 1 },
      ...quick,
      scope: 'everywhere',
      fn: () => {},
    };
    await expect(scheduler.scheduleTask(task as never)).rejects.toMatchObject({
      name: 'InputError',
      code: 'SCHED_INVALID_SCOPE',
      taskId: 'x',
    });
  });

  it('SCHED-004, SCHED-005, SCHED-013: two plugins use the same id independently and see only their own tasks', async () => {
    const a = setup({ pluginId: 'a' });
    const b = setup({ pluginId: 'b' });
    await a.scheduler.scheduleTask({
      id: 'sync',
      frequency: { trigger: 'manual' },
      ...quick,
      fn: () => {},
    });
    await b.scheduler.scheduleTask({
      id: 'sync',
      frequency: { trigger: 'manual' },
      ...quick,
      fn: () => {},
    });
    await b.scheduler.scheduleTask({
      id: 'only-b',
      frequency: { trigger: 'manual' },
      ...quick,
      fn: () => {},
    });
    expect((await a.scheduler.getScheduledTasks()).map((t) => t.id)).toEqual(['sync']);
    await expect(a.scheduler.triggerTask('only-b')).rejects.toMatchObject({
      code: 'SCHED_TASK_NOT_FOUND',
      pluginId: 'a',
    });
  });

  it('SCHED-006: a second task with the same id is a ConflictError and the first keeps running', async () => {
    const { scheduler } = setup();
    let runs = 0;
    await scheduler.scheduleTask({
      id: 'tick',
      scope: 'local',
      frequency: { milliseconds: 20 },
      ...quick,
      fn: () => void (runs += 1),
    });
    await expect(
      scheduler.scheduleTask({
        id: 'tick',
        scope: 'local',
        frequency: { milliseconds: 20 },
        ...quick,
        fn: () => {},
      }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      code: 'SCHED_DUPLICATE_TASK',
      taskId: 'tick',
    });
    await waitUntil('the first task runs twice', () => runs >= 2);
    expect(await scheduler.getScheduledTasks()).toHaveLength(1);
  });

  it('SCHED-008, SCHED-009, SCHED-010, SCHED-011: a runner schedules nothing until run, then schedules like scheduleTask', async () => {
    const { scheduler } = setup();
    const runner = scheduler.createScheduledTaskRunner({
      frequency: { trigger: 'manual' },
      timeout: { minutes: 1 },
      scope: 'local',
    });
    expect(await scheduler.getScheduledTasks()).toEqual([]);
    await runner.run({ id: 'r', fn: () => {} });
    expect(await scheduler.getScheduledTasks()).toEqual([
      {
        id: 'r',
        scope: 'local',
        settings: { version: 2, cadence: 'manual', timeoutAfterDuration: 'PT1M' },
      },
    ]);
    const bad = scheduler.createScheduledTaskRunner({
      frequency: { cron: 'nope' },
      timeout: { minutes: 1 },
    });
    await expect(bad.run({ id: 'r2', fn: () => {} })).rejects.toMatchObject({
      code: 'SCHED_INVALID_FREQUENCY',
      taskId: 'r2',
    });
  });
});

describe.each(['local', 'global'] as const)('PluginTaskScheduler: runs of %s tasks', (scope) => {
  it('SCHED-007, SCHED-033: a duration task runs at once and each run gets a fresh AbortSignal', async () => {
    const { scheduler } = setup();
    const signals: AbortSignal[] = [];
    await scheduler.scheduleTask({
      id: 't',
      scope,
      frequency: { milliseconds: 20 },
      ...quick,
      fn: (signal) => void signals.push(signal),
    });
    await waitUntil('three runs', () => signals.length >= 3);
    expect(signals.every((s) => s instanceof AbortSignal)).toBe(true);
    expect(new Set(signals).size).toBe(signals.length);
  });

  it('SCHED-040: runs never overlap within an instance', async () => {
    const { scheduler } = setup();
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    await scheduler.scheduleTask({
      id: 'slow',
      scope,
      frequency: { milliseconds: 5 },
      ...quick,
      fn: async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 25));
        active -= 1;
        runs += 1;
      },
    });
    await waitUntil('three runs', () => runs >= 3);
    expect(maxActive).toBe(1);
  });

  it('SCHED-041: the signal of a run is aborted once the timeout has elapsed', async () => {
    const { scheduler } = setup();
    const aborted = deferred<unknown>();
    await scheduler.scheduleTask({
      id: 't',
      scope,
      frequency: { minutes: 10 },
      timeout: { milliseconds: 30 },
      fn: (signal) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            aborted.resolve(signal.reason);
            resolve();
          }),
        ),
    });
    expect(String(await aborted.promise)).toMatch(/timed out/);
  });

  it('SCHED-042, SCHED-043: a failing run is logged with the task id and the task stays scheduled', async () => {
    const { scheduler, logger } = setup();
    let runs = 0;
    await scheduler.scheduleTask({
      id: 'flaky',
      scope,
      frequency: { milliseconds: 10 },
      ...quick,
      fn: () => {
        runs += 1;
        throw new Error('upstream down');
      },
    });
    await waitUntil('two failed runs', () => runs >= 2);
    const error = logger.entries.find((e) => e.level === 'error');
    expect(error?.message).toContain("'flaky'");
    expect(error?.message).toContain('upstream down');
    expect(error?.meta).toMatchObject({ task: 'flaky' });
  });

  it('SCHED-044, SCHED-045: aborting the task signal aborts the run in progress and stops further runs', async () => {
    const { scheduler } = setup();
    const controller = new AbortController();
    let runs = 0;
    const runAborted = deferred();
    await scheduler.scheduleTask({
      id: 't',
      scope,
      frequency: { milliseconds: 10 },
      ...quick,
      signal: controller.signal,
      fn: (signal) => {
        runs += 1;
        return new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            runAborted.resolve();
            resolve();
          }),
        );
      },
    });
    await waitUntil('a run', () => runs === 1);
    controller.abort();
    await runAborted.promise;
    await scheduler.stopped();
    expect(runs).toBe(1);
  });

  it('SCHED-046, SCHED-047: shutdown aborts runs in progress and no run starts afterwards', async () => {
    const { scheduler, manager } = setup();
    let started = false;
    const runAborted = deferred();
    await scheduler.scheduleTask({
      id: 't',
      scope,
      frequency: { minutes: 10 },
      ...quick,
      fn: (signal) => {
        started = true;
        return new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            runAborted.resolve();
            resolve();
          }),
        );
      },
    });
    await waitUntil('the run starts', () => started);
    await manager.shutdown();
    await runAborted.promise;
    let late = 0;
    await scheduler.scheduleTask({
      id: 'late',
      scope,
      frequency: { milliseconds: 5 },
      ...quick,
      fn: () => void (late += 1),
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(late).toBe(0);
  });

  it('SCHED-037, SCHED-081, SCHED-082, SCHED-086: a manual task runs only when triggered, exactly once, and trigger does not wait for the run', async () => {
    const { scheduler } = setup();
    let runs = 0;
    const release = deferred();
    await scheduler.scheduleTask({
      id: 'm',
      scope,
      frequency: { trigger: 'manual' },
      ...quick,
      fn: async () => {
        runs += 1;
        await release.promise;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(0);
    await scheduler.triggerTask('m'); // resolves although the run below is blocked
    await waitUntil('the triggered run', () => runs === 1);
    release.resolve();
    await waitUntil(
      'the run ends',
      async () => (await scheduler.listTaskDetails())[0]?.workerState?.status === 'idle',
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(1);
  });

  it('SCHED-083, SCHED-084, SCHED-088, SCHED-090, SCHED-091, SCHED-092, SCHED-093: trigger and cancel check the task state', async () => {
    const { scheduler } = setup();
    const aborted = deferred();
    let started = false;
    await scheduler.scheduleTask({
      id: 'm',
      scope,
      frequency: { trigger: 'manual' },
      ...quick,
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
    await expect(scheduler.triggerTask('nope')).rejects.toMatchObject({
      name: 'NotFoundError',
      code: 'SCHED_TASK_NOT_FOUND',
      taskId: 'nope',
    });
    await expect(scheduler.cancelTask('nope')).rejects.toMatchObject({
      name: 'NotFoundError',
      code: 'SCHED_TASK_NOT_FOUND',
    });
    await expect(scheduler.cancelTask('m')).rejects.toMatchObject({
      name: 'ConflictError',
      code: 'SCHED_TASK_NOT_RUNNING',
    });
    await scheduler.triggerTask('m');
    await waitUntil('the run starts', () => started);
    await waitUntil(
      'the state says running',
      async () => (await scheduler.listTaskDetails())[0]?.taskState?.status === 'running',
    );
    await expect(scheduler.triggerTask('m')).rejects.toMatchObject({
      name: 'ConflictError',
      code: 'SCHED_TASK_RUNNING',
    });
    await scheduler.cancelTask('m');
    await aborted.promise;
    const [details] = await scheduler.listTaskDetails();
    expect(details?.taskState).toMatchObject({
      status: 'idle',
      lastRunError: expect.stringContaining('Task was cancelled'),
    });
  });

  it('SCHED-038, SCHED-115: with an initialDelay the worker waits before the first run', async () => {
    const { scheduler } = setup();
    let runs = 0;
    await scheduler.scheduleTask({
      id: 'd',
      scope,
      frequency: { milliseconds: 10 },
      initialDelay: { milliseconds: 80 },
      ...quick,
      fn: () => void (runs += 1),
    });
    const [details] = await scheduler.listTaskDetails();
    expect(details?.workerState).toEqual({ status: 'initial-wait' });
    expect(runs).toBe(0);
    await waitUntil('the first run after the delay', () => runs >= 1);
  });
});

describe('PluginTaskScheduler: global tasks in the database', () => {
  it('SCHED-053, SCHED-054: a run holds a lease that expires timeout after it started, released with the next due time', async () => {
    const { scheduler, knex } = setup();
    const release = deferred();
    let started = false;
    await scheduler.scheduleTask({
      id: 'g',
      frequency: { minutes: 10 },
      timeout: { minutes: 2 },
      fn: async () => {
        started = true;
        await release.promise;
      },
    });
    await waitUntil('the run starts', () => started);
    const during = await knex(TASKS_TABLE).where({ id: 'g' }).first();
    expect(during.current_run_ticket).toEqual(expect.any(String));
    const startedAt = new Date(`${during.current_run_started_at}Z`).getTime();
    const expiresAt = new Date(`${during.current_run_expires_at}Z`).getTime();
    expect(expiresAt - startedAt).toBe(120_000);
    const due = new Date(`${during.next_run_start_at}Z`).getTime();
    release.resolve();
    await waitUntil(
      'the lease is released',
      async () => (await knex(TASKS_TABLE).where({ id: 'g' }).first()).current_run_ticket === null,
    );
    const after = await knex(TASKS_TABLE).where({ id: 'g' }).first();
    expect(new Date(`${after.next_run_start_at}Z`).getTime()).toBe(due + 600_000);
    expect(after.last_run_ended_at).toEqual(expect.any(String));
  });

  it('SCHED-058: scheduling an existing task replaces its settings and keeps the earlier due time', async () => {
    const first = setup();
    await first.scheduler.scheduleTask({
      id: 'g',
      frequency: { trigger: 'manual' },
      ...quick,
      fn: () => {},
    });
    const second = setup({ knex: first.knex });
    await second.scheduler.scheduleTask({
      id: 'g',
      frequency: { hours: 1 },
      initialDelay: { minutes: 5 },
      ...quick,
      fn: () => {},
    });
    const row = await first.knex(TASKS_TABLE).where({ id: 'g' }).first();
    expect(JSON.parse(row.settings_json)).toMatchObject({
      cadence: 'PT1H',
      initialDelayDuration: 'PT5M',
    });
    const due = new Date(`${row.next_run_start_at}Z`).getTime();
    expect(due).toBeLessThan(Date.UTC(3000, 0, 1)); // the manual task's far-future time was replaced
    const third = setup({ knex: first.knex });
    await third.scheduler.scheduleTask({
      id: 'g',
      frequency: { trigger: 'manual' },
      ...quick,
      fn: () => {},
    });
    const kept = await first.knex(TASKS_TABLE).where({ id: 'g' }).first();
    expect(new Date(`${kept.next_run_start_at}Z`).getTime()).toBe(due);
  });

  it('SCHED-059, SCHED-061: with migrations.skip the tables are not created and storing fails naming task and plugin', async () => {
    const { scheduler, knex } = setup({ skipMigrations: true });
    await expect(
      scheduler.scheduleTask({ id: 'g', frequency: { minutes: 1 }, ...quick, fn: () => {} }),
    ).rejects.toMatchObject({
      code: 'SCHED_PERSIST_FAILED',
      taskId: 'g',
      pluginId: 'catalog',
      message: expect.stringMatching(/'g'.*'catalog'/),
    });
    expect(await knex.schema.hasTable(TASKS_TABLE)).toBe(false);
    expect(await knex.schema.hasTable('backstage_backend_tasks__knex_migrations')).toBe(false);
  });

  it('SCHED-072: local tasks do not touch the database', async () => {
    const { scheduler, knex } = setup();
    let runs = 0;
    await scheduler.scheduleTask({
      id: 'l',
      scope: 'local',
      frequency: { milliseconds: 5 },
      ...quick,
      fn: () => void (runs += 1),
    });
    await waitUntil('a run', () => runs >= 1);
    expect(await knex.schema.hasTable(TASKS_TABLE)).toBe(false);
  });

  it('SCHED-051, SCHED-052: two instances on one database never run the same due time twice', async () => {
    const knex = memoryDatabase();
    databases.push(knex);
    const runs: number[] = [];
    let active = 0;
    let maxActive = 0;
    const instances = [setup({ knex }), setup({ knex })];
    for (const [index, { scheduler }] of instances.entries()) {
      await scheduler.scheduleTask({
        id: 'g',
        frequency: { milliseconds: 20 },
        ...quick,
        fn: async () => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          runs.push(index);
          await new Promise((resolve) => setTimeout(resolve, 5));
          active -= 1;
        },
      });
    }
    await waitUntil('ten runs', () => runs.length >= 10);
    expect(maxActive).toBe(1);
  });

  it('SCHED-085: another instance can trigger a global task it has not scheduled', async () => {
    const owner = setup();
    const other = setup({ knex: owner.knex });
    let runs = 0;
    await owner.scheduler.scheduleTask({
      id: 'm',
      frequency: { trigger: 'manual' },
      ...quick,
      fn: () => void (runs += 1),
    });
    await other.scheduler.triggerTask('m');
    await waitUntil('the owner runs the task', () => runs === 1, 7_000);
    await expect(other.scheduler.triggerTask('missing')).rejects.toMatchObject({
      code: 'SCHED_TASK_NOT_FOUND',
      pluginId: 'catalog',
    });
  });

  it('SCHED-057, SCHED-085: a run whose lease another instance cancelled is aborted within a check interval', async () => {
    const owner = setup();
    const other = setup({ knex: owner.knex });
    const aborted = deferred<unknown>();
    let runs = 0;
    // A short frequency gives a short check interval, so the lost lease is noticed quickly.
    await owner.scheduler.scheduleTask({
      id: 'g',
      frequency: { milliseconds: 50 },
      ...quick,
      fn: (signal) => {
        runs += 1;
        return new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            aborted.resolve(signal.reason);
            resolve();
          }),
        );
      },
    });
    await waitUntil('the run starts', () => runs === 1);
    await expect(other.scheduler.triggerTask('g')).rejects.toMatchObject({
      code: 'SCHED_TASK_RUNNING',
    });
    await other.scheduler.cancelTask('g');
    expect(String(await aborted.promise)).toContain('Task was cancelled');
    await expect(other.scheduler.cancelTask('missing')).rejects.toMatchObject({
      code: 'SCHED_TASK_NOT_FOUND',
    });
  });
});
