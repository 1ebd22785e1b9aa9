import type { SchedulerServiceTaskScheduleDefinition } from '@openstage/spec';
import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import {
  databaseService,
  memoryDatabase,
  recordingLogger,
} from '../../src/services/scheduler/__fixtures__/testHelpers.js';
import { TaskManager } from '../../src/services/scheduler/TaskManager.js';
import { createFakeClock, type FakeClock } from '../../src/testing/scenario/createFakeClock.js';

/*
 * Due times of the scheduler on the test kit's fake clock, so minutes of schedule take
 * milliseconds. Global tasks are checked at least every 5 s (SCHED-031), so their runs may start
 * up to one check interval after they became due; local tasks start exactly on time.
 */

const CHECK = 5_000;
/** A Monday, 08:00:00 UTC. */
const T0 = Date.UTC(2030, 5, 3, 8, 0, 0);
const managers: TaskManager[] = [];
const databases: Knex[] = [];

afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.shutdown()));
  await Promise.all(databases.splice(0).map((k) => k.destroy()));
});

function scheduler(clock: FakeClock, knex?: Knex) {
  const database = knex ?? memoryDatabase();
  if (!knex) databases.push(database);
  const manager = new TaskManager({ clock });
  managers.push(manager);
  const service = manager.forPlugin({
    pluginId: 'timing',
    database: databaseService(database),
    logger: recordingLogger(),
  });
  return { service, knex: database };
}

/** A task function that records its start (relative to T0) and then takes `ms` of fake time. */
function recorder(clock: FakeClock, starts: number[], ms = 0) {
  return (signal: AbortSignal) => {
    starts.push(clock.now() - T0);
    if (ms === 0) return undefined;
    // Ends after `ms` of fake time, or when aborted, so that shutdown does not wait for it.
    return new Promise<void>((resolve) => {
      clock.setTimeout(resolve, ms);
      signal.addEventListener('abort', () => resolve());
    });
  };
}

/** Expects each start to lie in [due, due + slack]. */
function expectStarts(starts: number[], due: number[], slack: number): void {
  expect(starts.length, `starts ${JSON.stringify(starts)}`).toBe(due.length);
  due.forEach((d, i) => {
    expect(starts[i]!, `run ${i} due at ${d}`).toBeGreaterThanOrEqual(d);
    expect(starts[i]!, `run ${i} due at ${d}`).toBeLessThanOrEqual(d + slack);
  });
}

const scopes = [
  ['global', CHECK],
  ['local', 0],
] as const;

describe('scheduler check interval', () => {
  it('SCHED-031, SCHED-032: a global task triggered elsewhere starts within 5 s; a 2 s cadence is checked every 2 s', async () => {
    const clock = createFakeClock({ now: T0 });
    const a = scheduler(clock);
    const starts: number[] = [];
    await a.service.scheduleTask({
      id: 'hourly',
      frequency: { hours: 1 },
      timeout: { minutes: 1 },
      fn: recorder(clock, starts),
    });
    await clock.advance(0);
    expect(starts).toEqual([0]);
    // Another instance on the same database makes the task due; only polling can notice it.
    const b = scheduler(clock, a.knex);
    await clock.advance(12_345);
    await b.service.triggerTask('hourly');
    await clock.advance(CHECK);
    expectStarts(starts, [0, 12_345], CHECK);

    const fast: number[] = [];
    await a.service.scheduleTask({
      id: 'fast',
      frequency: { seconds: 2 },
      timeout: { seconds: 1 },
      fn: recorder(clock, fast),
    });
    await clock.advance(10_000);
    // At least once per cadence: never more than 2 s between consecutive starts.
    expect(fast.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < fast.length; i++)
      expect(fast[i]! - fast[i - 1]!).toBeLessThanOrEqual(2_000);
  });
});

describe('scheduler due times', () => {
  for (const [scope, slack] of scopes) {
    it(`SCHED-034: after a run ends, a duration task is due frequency after the ended run became due, or at once (${scope})`, async () => {
      const clock = createFakeClock({ now: T0 });
      const { service } = scheduler(clock);
      const short: number[] = [];
      await service.scheduleTask({
        id: 'short-runs',
        scope,
        frequency: { seconds: 60 },
        timeout: { minutes: 5 },
        fn: recorder(clock, short, 20_000),
      });
      const long: number[] = [];
      await service.scheduleTask({
        id: 'long-runs',
        scope,
        frequency: { seconds: 60 },
        timeout: { minutes: 5 },
        fn: recorder(clock, long, 90_000),
      });
      await clock.advance(170_000);
      // Due at 0, 60 and 120 s: the 20 s run time does not push the next due time.
      expectStarts(short, [0, 60_000, 120_000], slack);
      // A 90 s run overshoots its next due time, so the next run starts as soon as it ends.
      expect(long.length).toBe(2);
      expect(long[0]!).toBeLessThanOrEqual(slack);
      expect(long[1]! - long[0]!).toBeGreaterThanOrEqual(90_000);
      expect(long[1]! - long[0]!).toBeLessThanOrEqual(90_000 + slack);
    });

    it(`SCHED-035: a cron task is due at each match in the process time zone, from the first at or after scheduling (${scope})`, async () => {
      // 08:03 local time on the fake clock's day; the expression names local hours and minutes.
      const start = new Date(T0);
      const localStart = new Date(
        start.getFullYear(),
        start.getMonth(),
        start.getDate(),
        8,
        3,
        0,
      ).getTime();
      const clock = createFakeClock({ now: localStart });
      const { service } = scheduler(clock);
      const starts: number[] = [];
      await service.scheduleTask({
        id: 'cron',
        scope,
        frequency: { cron: '10,40 8,9 * * *' },
        timeout: { minutes: 1 },
        fn: () => void starts.push(clock.now() - localStart),
      });
      await clock.advance({ minutes: 70 });
      const minute = 60_000;
      // 08:10, 08:40 and 09:10 local time; nothing at scheduling time (08:03 does not match).
      expectStarts(starts, [7 * minute, 37 * minute, 67 * minute], slack);
    });

    it(`SCHED-036: matches passed during a cron run are skipped, the next run is the first match after it ended (${scope})`, async () => {
      const clock = createFakeClock({ now: T0 });
      const { service } = scheduler(clock);
      const starts: number[] = [];
      await service.scheduleTask({
        id: 'every-minute',
        scope,
        frequency: { cron: '* * * * *' },
        timeout: { minutes: 10 },
        fn: recorder(clock, starts, 150_000),
      });
      await clock.advance(300_000);
      // The run started at 0 ends at 150 s; the matches at 60 and 120 s are not queued.
      expect(starts.length).toBe(2);
      expect(starts[0]!).toBeLessThanOrEqual(slack);
      const firstEnd = starts[0]! + 150_000;
      const nextMatch = Math.ceil((firstEnd + 1) / 60_000) * 60_000;
      expect(starts[1]!).toBeGreaterThanOrEqual(nextMatch);
      expect(starts[1]!).toBeLessThanOrEqual(nextMatch + slack);
    });

    it(`SCHED-087: after a triggered run, a duration task is due frequency after the trigger (${scope})`, async () => {
      const clock = createFakeClock({ now: T0 });
      const { service } = scheduler(clock);
      const starts: number[] = [];
      const schedule: SchedulerServiceTaskScheduleDefinition = {
        frequency: { seconds: 60 },
        timeout: { seconds: 30 },
      };
      await service.scheduleTask({ id: 'd', scope, ...schedule, fn: recorder(clock, starts) });
      await clock.advance(20_000);
      await service.triggerTask('d');
      // Due at 0, triggered at 20 s, so next due at 80 s rather than 60 s.
      await clock.advance(55_000);
      expect(starts.filter((s) => s > 20_000 + slack)).toEqual([]);
      await clock.advance(5_000 + slack);
      expectStarts(starts, [0, 20_000, 80_000], slack);
    });
  }
});
