import { describe, expect, it } from 'vitest';
import { mockServices } from './mockServices.js';
import { MockSchedulerService } from './MockSchedulerService.js';
import { ServiceFactoryTester } from './ServiceFactoryTester.js';
import {
  mockSchedulerFromFactory,
  tasksRunAtStartup,
} from '../../test/helpers/mockSchedulerFromFactory.js';

const schedule = { frequency: { minutes: 1 }, timeout: { seconds: 5 } };

describe('mock scheduler', () => {
  it('TEST-101 to TEST-104: startup runs tasks except manual and delayed ones, unless asked', async () => {
    for (const [options, expected] of [
      [undefined, ['plain']],
      [{ skipTaskRunOnStartup: true }, []],
      [{ includeManualTasksOnStartup: true }, ['plain', 'manual']],
      [{ includeInitialDelayedTasksOnStartup: true }, ['plain', 'delayed']],
    ] as const) {
      expect(await tasksRunAtStartup(options), JSON.stringify(options)).toEqual(expected);
    }
  });

  it('TEST-105, TEST-106: no timers; triggerTask awaits the run and swallows its failure', async () => {
    const scheduler = new MockSchedulerService();
    let runs = 0;
    await scheduler.scheduleTask({ id: 't', ...schedule, fn: async () => void runs++ });
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(0);
    await scheduler.triggerTask('t');
    expect(runs).toBe(1);
    await scheduler.scheduleTask({
      id: 'bad',
      ...schedule,
      fn: async () => {
        throw new Error('task failed');
      },
    });
    await expect(scheduler.triggerTask('bad')).resolves.toBeUndefined();
  });

  it('TEST-107 to TEST-109: unknown, running and not-running tasks', async () => {
    const scheduler = new MockSchedulerService({ pluginId: 'p' });
    await expect(scheduler.triggerTask('nope')).rejects.toMatchObject({
      name: 'NotFoundError',
      code: 'SCHED_TASK_NOT_FOUND',
    });
    await expect(scheduler.cancelTask('nope')).rejects.toMatchObject({
      code: 'SCHED_TASK_NOT_FOUND',
    });
    let release!: () => void;
    let aborted = false;
    await scheduler.scheduleTask({
      id: 'long',
      ...schedule,
      fn: (signal) =>
        new Promise<void>((resolve) => {
          release = resolve;
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          });
        }),
    });
    await expect(scheduler.cancelTask('long')).rejects.toMatchObject({
      name: 'ConflictError',
      code: 'SCHED_TASK_NOT_RUNNING',
    });
    const run = scheduler.triggerTask('long');
    await expect(scheduler.triggerTask('long')).rejects.toMatchObject({
      name: 'ConflictError',
      code: 'SCHED_TASK_RUNNING',
    });
    await scheduler.cancelTask('long');
    await run;
    expect(aborted).toBe(true);
    void release;
  });

  it('TEST-110: waitForTask resolves on the next completed run, even of a task scheduled later, and rejects with its error', async () => {
    const scheduler = new MockSchedulerService();
    const waiting = scheduler.waitForTask('later');
    await scheduler.scheduleTask({ id: 'later', ...schedule, fn: async () => {} });
    await scheduler.triggerTask('later');
    await expect(waiting).resolves.toBeUndefined();
    await scheduler.scheduleTask({
      id: 'bad',
      ...schedule,
      fn: async () => {
        throw new Error('nope');
      },
    });
    const failing = scheduler.waitForTask('bad');
    await scheduler.triggerTask('bad');
    await expect(failing).rejects.toThrow('nope');
  });

  it('TEST-111, TEST-112: shutdown aborts running tasks; plugins keep separate tasks', async () => {
    const { scheduler, lifecycle } = await mockSchedulerFromFactory({ skipTaskRunOnStartup: true });
    let signal: AbortSignal | undefined;
    await scheduler.scheduleTask({
      id: 'x',
      ...schedule,
      fn: (s) =>
        new Promise<void>((resolve) => {
          signal = s;
          s.addEventListener('abort', () => resolve());
        }),
    });
    const run = scheduler.triggerTask('x');
    await lifecycle.shutdown();
    await run;
    expect(signal?.aborted).toBe(true);
    const tester = ServiceFactoryTester.from(mockServices.scheduler.factory());
    const a = await tester.getSubject('a');
    const b = await tester.getSubject('b');
    await a.scheduleTask({ id: 'same', ...schedule, fn: () => {} });
    await b.scheduleTask({ id: 'same', ...schedule, fn: () => {} });
    expect(a).not.toBe(b);
    await expect(b.getScheduledTasks()).resolves.toHaveLength(1);
  });
});
