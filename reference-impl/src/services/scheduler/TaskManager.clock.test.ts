import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../testing/scenario/createFakeClock.js';
import {
  databaseService,
  deferred,
  memoryDatabase,
  recordingLogger,
} from './__fixtures__/testHelpers.js';
import { TASKS_TABLE } from './migrateSchedulerTables.js';
import { TaskManager } from './TaskManager.js';

const T0 = Date.UTC(2030, 5, 1, 8, 0, 0);
const managers: TaskManager[] = [];
const databases: Knex[] = [];

afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.shutdown()));
  await Promise.all(databases.splice(0).map((k) => k.destroy()));
});

function instance(clock: ReturnType<typeof createFakeClock>, knex: Knex) {
  const manager = new TaskManager({ clock });
  managers.push(manager);
  return manager.forPlugin({
    pluginId: 'catalog',
    database: databaseService(knex),
    logger: recordingLogger(),
  });
}

describe('TaskManager with an injected clock', () => {
  it('TEST-237, SCHED-056: a lease expires in the clock time, and another instance takes the run over', async () => {
    const clock = createFakeClock({ now: T0 });
    const knex = memoryDatabase();
    databases.push(knex);
    const stuck = deferred();
    const runs: number[] = [];
    const task = {
      id: 'refresh',
      frequency: { hours: 1 },
      timeout: { minutes: 1 },
      // The first run ignores its signal and never returns until the test lets it go.
      fn: () => (runs.push(clock.now() - T0) === 1 ? stuck.promise : undefined),
    };
    await instance(clock, knex).scheduleTask(task);
    await instance(clock, knex).scheduleTask(task);
    await clock.advance(0);
    expect(runs).toEqual([0]);
    const row = (await knex(TASKS_TABLE).where({ id: 'refresh' }).first()) as {
      current_run_expires_at: string;
    };
    // SQLite keeps the clock's time as UTC text; the lease ends one timeout after the fake start.
    expect(new Date(`${row.current_run_expires_at.replace(' ', 'T')}Z`).getTime()).toBe(
      T0 + 60_000,
    );
    await clock.advance(60_000);
    expect(runs).toEqual([0]); // not expired yet: expiry is strictly after the lease's end
    await clock.advance(5_000);
    // The other instance checks every 5 s of fake time and takes the expired lease at 65 s.
    expect(runs).toEqual([0, 65_000]);
    stuck.resolve();
  });

  it('TEST-238: a local task on the clock runs at each due time, with no real timer involved', async () => {
    const clock = createFakeClock({ now: T0 });
    const knex = memoryDatabase();
    databases.push(knex);
    const runs: number[] = [];
    await instance(clock, knex).scheduleTask({
      id: 'local',
      scope: 'local',
      frequency: { seconds: 30 },
      timeout: { seconds: 10 },
      initialDelay: { seconds: 45 },
      fn: () => void runs.push(clock.now() - T0),
    });
    await clock.advance({ minutes: 2 });
    expect(runs).toEqual([45_000, 75_000, 105_000]);
    // Every wait of the worker sits on the fake clock: one timer for the next due time.
    expect(clock.pendingTimers).toBe(1);
  });
});
