import { afterEach, describe, expect, it } from 'vitest';
import type {
  BackendFeature,
  DatabaseService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
  TestBackend,
} from '@openstage/spec';
import type { Knex } from 'knex';
import { createBackendPlugin } from '../../authoring/createBackendPlugin.js';
import { TASKS_TABLE } from '../../services/scheduler/migrateSchedulerTables.js';
import { coreServiceRefs as core } from '../coreServiceRefs.js';
import { testDatabaseConnectionString } from '../TestDatabases.js';
import { startTestBackend } from '../startTestBackend.js';
import { createFakeClock, type FakeClock } from './createFakeClock.js';
import { createSharedTestDatabase } from './createSharedTestDatabase.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);

const started: TestBackend[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((b) => b.stop()));
});

/** A plugin scheduling one task that records the fake time of each of its runs. */
function tasker(
  clock: FakeClock,
  schedule: SchedulerServiceTaskScheduleDefinition & { scope?: 'global' | 'local' },
  runs: number[],
  expose?: (deps: { scheduler: SchedulerService; database: DatabaseService }) => void,
) {
  return createBackendPlugin({
    pluginId: 'ticker',
    register(reg) {
      reg.registerInit({
        deps: { scheduler: core.scheduler, database: core.database },
        async init({ scheduler, database }) {
          expose?.({ scheduler, database });
          await scheduler.scheduleTask({
            id: 'tick',
            ...schedule,
            fn: async () => void runs.push(clock.now() - T0),
          });
        },
      });
    },
  }) as unknown as BackendFeature;
}

async function start(options: Parameters<typeof startTestBackend>[0]): Promise<TestBackend> {
  const backend = await startTestBackend(options);
  started.push(backend);
  return backend;
}

describe('the default scheduler on a fake clock', () => {
  it('TEST-236, TEST-238: a local task runs when advance passes its due times, never in between', async () => {
    const clock = createFakeClock({ now: T0 });
    const runs: number[] = [];
    const schedule = {
      frequency: { minutes: 10 },
      timeout: { minutes: 1 },
      scope: 'local' as const,
    };
    await start({ features: [tasker(clock, schedule, runs)], clock });
    // The default scheduler runs a duration task at once (the mock scheduler would wait for a
    // trigger), and nothing more until the clock moves.
    await clock.advance(0);
    expect(runs).toEqual([0]);
    await clock.advance({ minutes: 9, seconds: 59 });
    expect(runs).toEqual([0]);
    await clock.advance({ minutes: 15 });
    expect(runs).toEqual([0, 10 * MINUTE, 20 * MINUTE]);
  });

  it('TEST-238: initial delay and cron schedules follow the fake time', async () => {
    const clock = createFakeClock({ now: T0 });
    const delayed: number[] = [];
    const cron: number[] = [];
    await start({
      features: [
        tasker(
          clock,
          {
            frequency: { hours: 1 },
            timeout: { minutes: 1 },
            initialDelay: { minutes: 5 },
            scope: 'local',
          },
          delayed,
        ),
      ],
      clock,
    });
    const cronPlugin = createBackendPlugin({
      pluginId: 'cron',
      register(reg) {
        reg.registerInit({
          deps: { scheduler: core.scheduler },
          async init({ scheduler }) {
            await scheduler.scheduleTask({
              id: 'quarter',
              scope: 'local',
              frequency: { cron: '*/15 * * * *' },
              timeout: { minutes: 1 },
              fn: async () => void cron.push(clock.now() - T0),
            });
          },
        });
      },
    }) as unknown as BackendFeature;
    await start({ features: [cronPlugin], clock });
    await clock.advance({ minutes: 4 });
    expect(delayed).toEqual([]);
    await clock.advance({ minutes: 56 });
    expect(delayed).toEqual([5 * MINUTE]);
    // T0 is on the hour, so the cron task is due at once and then every quarter (SCHED-035).
    expect(cron).toEqual([0, 15 * MINUTE, 30 * MINUTE, 45 * MINUTE, 60 * MINUTE]);
  });

  // SQLite always; PostgreSQL and MySQL when their OPENSTAGE_TEST_*_CONNECTION_STRING is set.
  const engines = (['SQLITE_3', 'POSTGRES', 'MYSQL'] as const).filter(
    (id) => id === 'SQLITE_3' || testDatabaseConnectionString(id) !== undefined,
  );
  it.each(engines)(
    'TEST-237, TEST-251: on %s, global tasks of two instances run once per due time, with fake times stored',
    async (id) => {
      const clock = createFakeClock({ now: T0 });
      const db = createSharedTestDatabase({ id });
      const runs: number[] = [];
      let database!: DatabaseService;
      const schedule = {
        frequency: { minutes: 1 },
        timeout: { minutes: 1 },
        scope: 'global' as const,
      };
      await start({
        features: [tasker(clock, schedule, runs, (deps) => void (database = deps.database))],
        clock,
        sharedDatabase: db,
      });
      await start({ features: [tasker(clock, schedule, runs)], clock, sharedDatabase: db });
      await clock.advance(0);
      // Scheduling makes the task due at once, so the second instance's start may add a run at 0
      // (SCHED-058); from then on each due time is claimed by exactly one instance.
      expect(runs.length).toBeGreaterThanOrEqual(1);
      expect(new Set(runs)).toEqual(new Set([0]));
      runs.length = 0;
      await clock.advance({ minutes: 2, seconds: 30 });
      expect(runs).toEqual([1 * MINUTE, 2 * MINUTE]);
      const knex = (await database.getClient()) as Knex;
      const row = (await knex(TASKS_TABLE).where({ id: 'tick' }).first()) as {
        next_run_start_at: string | Date;
        last_run_ended_at: string | Date;
      };
      const asTime = (value: string | Date) =>
        value instanceof Date ? value.getTime() : new Date(`${value.replace(' ', 'T')}Z`).getTime();
      // The database holds the fake clock's times, not its own (TEST-237).
      expect(asTime(row.next_run_start_at) - T0).toBe(3 * MINUTE);
      expect(asTime(row.last_run_ended_at) - T0).toBe(2 * MINUTE);
      await Promise.all(started.splice(0).map((b) => b.stop()));
      await db.shutdown();
    },
  );

  it('TEST-236: a triggered task runs without any real waiting, and the timeout uses the fake clock', async () => {
    const clock = createFakeClock({ now: T0 });
    let scheduler!: SchedulerService;
    let aborted: number | undefined;
    const plugin = createBackendPlugin({
      pluginId: 'slow',
      register(reg) {
        reg.registerInit({
          deps: { scheduler: core.scheduler },
          async init(deps) {
            scheduler = deps.scheduler;
            await scheduler.scheduleTask({
              id: 'hang',
              scope: 'local',
              frequency: { trigger: 'manual' },
              timeout: { minutes: 2 },
              fn: (signal) =>
                new Promise<void>((resolve) =>
                  signal.addEventListener('abort', () => {
                    aborted = clock.now() - T0;
                    resolve();
                  }),
                ),
            });
          },
        });
      },
    }) as unknown as BackendFeature;
    await start({ features: [plugin], clock });
    await scheduler.triggerTask('hang');
    await clock.advance({ minutes: 1 });
    expect(aborted).toBeUndefined();
    await clock.advance({ minutes: 1 });
    expect(aborted).toBe(2 * MINUTE);
  });

  it('rejects a clock without timers, naming the option and what to use', async () => {
    const clock = { now: () => T0, advance: async () => {} };
    await expect(startTestBackend({ features: [], clock })).rejects.toThrow(
      /options\.clock.*createFakeClock\(\)/,
    );
  });
});
