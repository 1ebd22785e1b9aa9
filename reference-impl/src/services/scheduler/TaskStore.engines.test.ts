import { randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryDatabase } from './__fixtures__/testHelpers.js';
import { migrateSchedulerTables } from './migrateSchedulerTables.js';
import { TaskStore } from './TaskStore.js';

const PG = 'OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING';
const MYSQL = 'OPENSTAGE_TEST_MYSQL_CONNECTION_STRING';
for (const name of [PG, MYSQL]) {
  if (process.env[name] === undefined)
    console.info(`Skipping the scheduler TaskStore tests on that engine: set ${name} to run them`);
}

interface Engine {
  readonly name: string;
  readonly skip: boolean;
  open(): Promise<{ knex: Knex; close(): Promise<void> }>;
}

/** A database of its own per engine, dropped afterwards. */
function serverEngine(name: string, env: string, client: 'pg' | 'mysql2'): Engine {
  const url = process.env[env];
  return {
    name: `${name} (skipped unless ${env} is set)`,
    skip: url === undefined,
    async open() {
      const dbName = `openstage_sched_${randomBytes(4).toString('hex')}`;
      const admin = knexFactory({ client, connection: url });
      await admin.raw(`CREATE DATABASE ${dbName}`);
      const target = new URL(url as string);
      target.pathname = `/${dbName}`;
      const knex = knexFactory({ client, connection: target.toString() });
      return {
        knex,
        async close() {
          await knex.destroy();
          await admin.raw(
            client === 'pg'
              ? `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`
              : `DROP DATABASE IF EXISTS ${dbName}`,
          );
          await admin.destroy();
        },
      };
    },
  };
}

const engines: Engine[] = [
  {
    name: 'sqlite',
    skip: false,
    open: async () => {
      const knex = memoryDatabase();
      return { knex, close: () => knex.destroy() };
    },
  },
  serverEngine('postgres', PG, 'pg'),
  serverEngine('mysql', MYSQL, 'mysql2'),
];

const settings = { version: 2, cadence: 'PT1M', timeoutAfterDuration: 'PT1S' } as const;

describe.each(engines)('TaskStore on $name', (engine) => {
  let db: { knex: Knex; close(): Promise<void> } | undefined;
  let store: TaskStore;

  beforeAll(async () => {
    if (engine.skip) return;
    db = await engine.open();
    await migrateSchedulerTables(db.knex);
    store = new TaskStore(db.knex);
  }, 20_000);
  afterAll(async () => {
    await db?.close();
  });

  it.skipIf(engine.skip)(
    'SCHED-052, SCHED-053, SCHED-054: one claim per due time, and the next due time is frequency after it',
    async () => {
      await store.upsert(
        't',
        settings,
        store.firstDueTime({ kind: 'duration', milliseconds: 60_000 }, undefined),
      );
      expect(await store.tryClaim('t', 'first', 1_000)).toBe(true);
      expect(await store.tryClaim('t', 'second', 1_000)).toBe(false);
      const running = await store.read('t');
      expect(running?.currentRunTicket).toBe('first');
      expect(
        running!.currentRunExpiresAt!.getTime() - running!.currentRunStartedAt!.getTime(),
      ).toBe(1_000);
      const due = running!.nextRunStartAt!.getTime();
      expect(
        await store.release(
          't',
          'second',
          store.nextDueTime({ kind: 'duration', milliseconds: 60_000 }, undefined),
          undefined,
        ),
      ).toBe(false);
      expect(
        await store.release(
          't',
          'first',
          store.nextDueTime({ kind: 'duration', milliseconds: 60_000 }, undefined),
          undefined,
        ),
      ).toBe(true);
      const idle = await store.read('t');
      expect(idle?.currentRunTicket).toBeUndefined();
      expect(idle!.nextRunStartAt!.getTime()).toBe(due + 60_000);
      expect(await store.tryClaim('t', 'third', 1_000)).toBe(false); // not due yet
    },
  );

  it.skipIf(engine.skip)(
    'SCHED-055, SCHED-056: an expired lease is released keeping the due time, so the task is due at once',
    async () => {
      await store.upsert(
        'e',
        settings,
        store.firstDueTime({ kind: 'duration', milliseconds: 60_000 }, undefined),
      );
      expect(await store.tryClaim('e', 'crashed', 1)).toBe(true);
      const due = (await store.read('e'))!.nextRunStartAt!.getTime();
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(await store.releaseExpiredLeases()).toBeGreaterThanOrEqual(1);
      const released = await store.read('e');
      expect(released?.currentRunTicket).toBeUndefined();
      expect(released!.nextRunStartAt!.getTime()).toBe(due);
      expect(await store.tryClaim('e', 'survivor', 1_000)).toBe(true);
    },
  );

  it.skipIf(engine.skip)(
    'SCHED-081, SCHED-084, SCHED-089: trigger makes a task due now unless it runs; cancel releases a run',
    async () => {
      await store.upsert(
        'm',
        { ...settings, cadence: 'manual' },
        store.firstDueTime({ kind: 'manual' }, undefined),
      );
      expect(await store.tryClaim('m', 'x', 1_000)).toBe(false);
      expect(await store.trigger('m')).toBe('done');
      expect(await store.tryClaim('m', 'x', 1_000)).toBe(true);
      expect(await store.trigger('m')).toBe('running');
      expect(
        await store.cancel('m', () => ({ kind: 'manual' }), '{"message":"Task was cancelled"}'),
      ).toBe('done');
      const row = await store.read('m');
      expect(row?.currentRunTicket).toBeUndefined();
      expect(row?.lastRunErrorJson).toContain('Task was cancelled');
      expect(await store.cancel('m', () => ({ kind: 'manual' }), '{}')).toBe('idle');
      expect(await store.trigger('missing')).toBe('missing');
    },
  );
});
