import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateSchedulerTables } from './migrateSchedulerTables.js';

const ENV = 'OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING';
const baseConnection = process.env[ENV];
if (baseConnection === undefined) {
  console.info(
    `Skipping the multi-process scheduler test: set ${ENV} to run it against PostgreSQL`,
  );
}

const fixture = fileURLToPath(new URL('./__fixtures__/schedulerChild.ts', import.meta.url));
const FREQUENCY_MS = 250;

/** Polls `check` until it returns a value, failing after `timeoutMs`. */
async function waitFor<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(baseConnection === undefined)(
  `scheduler across three processes on one PostgreSQL database (skipped unless ${ENV} is set)`,
  () => {
    const dbName = `openstage_sched_mp_${randomBytes(4).toString('hex')}`;
    let admin: Knex;
    let db: Knex;
    let dbUrl: string;
    const children: ChildProcess[] = [];
    const exited = new Map<ChildProcess, Promise<void>>();

    function startChild(env: Record<string, string>): Promise<ChildProcess> {
      const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
        env: { ...process.env, CHILD_DATABASE_URL: dbUrl, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      exited.set(child, new Promise((resolve) => child.once('exit', () => resolve())));
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      return new Promise((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('READY')) resolve(child);
        });
        child.once('exit', (code) =>
          reject(new Error(`child exited with ${code} before it was ready: ${stderr}`)),
        );
      });
    }

    beforeAll(async () => {
      admin = knexFactory({ client: 'pg', connection: baseConnection });
      await admin.raw(`CREATE DATABASE ${dbName}`);
      const url = new URL(baseConnection as string);
      url.pathname = `/${dbName}`;
      dbUrl = url.toString();
      db = knexFactory({ client: 'pg', connection: dbUrl });
      await migrateSchedulerTables(db);
      await db.schema.createTable('sched_runs', (t) => {
        t.increments('seq');
        t.timestamp('due_at', { precision: 3 }).notNullable();
        t.text('ticket').notNullable();
        t.timestamp('expires_at', { precision: 3 }).notNullable();
        t.integer('pid').notNullable();
        t.boolean('hang').notNullable();
        t.timestamp('inserted_at', { precision: 3 }).notNullable().defaultTo(db.fn.now());
      });
      await db.schema.createTable('sched_control', (t) => t.integer('consumed_by').nullable());
      await db.schema.createTable('sched_local_runs', (t) => t.integer('pid').notNullable());
      await db.schema.createTable('sched_ready', (t) => {
        t.integer('pid').notNullable();
        t.timestamp('ready_at', { precision: 3 }).notNullable();
      });
      // Every due time the scheduler ever stores, so the test can tell a skipped one from a run one.
      await db.schema.createTable('sched_due_log', (t) => {
        t.timestamp('due_at', { precision: 3 }).notNullable();
        t.timestamp('logged_at', { precision: 6 }).notNullable().defaultTo(db.fn.now());
      });
      await db.raw(`
        CREATE FUNCTION log_due() RETURNS trigger AS $$
        BEGIN
          INSERT INTO sched_due_log (due_at) VALUES (NEW.next_run_start_at);
          RETURN NEW;
        END $$ LANGUAGE plpgsql;
        CREATE TRIGGER log_due AFTER INSERT OR UPDATE OF next_run_start_at ON backstage_backend_tasks__tasks
        FOR EACH ROW WHEN (NEW.id = 'count') EXECUTE FUNCTION log_due();`);
    }, 20_000);

    afterAll(async () => {
      for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      await Promise.all(exited.values());
      await db?.destroy();
      await admin?.raw(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin?.destroy();
    }, 20_000);

    it("SCHED-051, SCHED-052, SCHED-053, SCHED-054, SCHED-056, SCHED-071: every due time runs exactly once across instances, a killed instance's run is taken over after its lease expires, and local tasks run on every instance", async () => {
      const all = await Promise.all([startChild({}), startChild({}), startChild({})]);

      // Let the three compete for a while, then make the next run hang, and kill whichever
      // process runs it while it holds the lease.
      await waitFor('eight runs', 15_000, async () => {
        const [{ count }] = (await db('sched_runs').count({ count: '*' })) as [{ count: string }];
        return Number(count) >= 8 ? true : undefined;
      });
      await db('sched_control').insert({ consumed_by: null });
      const hung = await waitFor(
        'a run to hang',
        15_000,
        async () =>
          db('sched_runs').where({ hang: true }).first() as Promise<
            Record<string, unknown> | undefined
          >,
      );
      const victimPid = hung.pid as number;
      const victim = all.find((child) => child.pid === victimPid);
      const survivors = all.filter((child) => child !== victim);
      victim!.kill('SIGKILL');
      await exited.get(victim!);

      // Let the others run well past the lease expiry.
      await waitFor('ten runs after the takeover', 15_000, async () => {
        const [{ count }] = (await db('sched_runs')
          .where('seq', '>', hung.seq as number)
          .count({ count: '*' })) as [{ count: string }];
        return Number(count) >= 10 ? true : undefined;
      });
      for (const child of survivors) child.kill('SIGTERM');
      await Promise.all(survivors.map((child) => exited.get(child)));

      const runs = (await db('sched_runs').orderBy('seq')) as Array<{
        seq: number;
        due_at: Date;
        ticket: string;
        expires_at: Date;
        pid: number;
        hang: boolean;
        inserted_at: Date;
      }>;
      const byDue = new Map<number, typeof runs>();
      for (const run of runs)
        byDue.set(run.due_at.getTime(), [...(byDue.get(run.due_at.getTime()) ?? []), run]);

      // Each lease is taken once.
      expect(new Set(runs.map((r) => r.ticket)).size).toBe(runs.length);

      // Every due time ran exactly once, except the one the victim held: it ran once more, on a
      // survivor, after the lease had expired.
      const hungDue = (hung.due_at as Date).getTime();
      for (const [due, group] of byDue) {
        if (due === hungDue) continue;
        expect(group, `due time ${new Date(due).toISOString()}`).toHaveLength(1);
      }
      expect(byDue.get(hungDue)).toHaveLength(2);
      const takeover = byDue.get(hungDue)!.filter((r) => r.pid !== victimPid);
      expect(takeover).toHaveLength(1);
      expect(takeover[0]!.inserted_at.getTime()).toBeGreaterThanOrEqual(
        (hung.expires_at as Date).getTime(),
      );

      // No stored due time was skipped: every due time the scheduler recorded, once all three
      // had scheduled the task (before that, SCHED-058 lets a newcomer replace the stored due
      // time with an earlier one), up to the last run's due time, has a run.
      const [{ lastReady }] = (await db('sched_ready').max({ lastReady: 'ready_at' })) as [
        { lastReady: Date },
      ];
      const lastRunDue = Math.max(...byDue.keys());
      const logged = (await db('sched_due_log')
        .where('logged_at', '>', lastReady)
        .select('due_at')) as Array<{ due_at: Date }>;
      expect(logged.length).toBeGreaterThanOrEqual(10);
      const missing = logged
        .map((l) => l.due_at.getTime())
        .filter((due) => due <= lastRunDue && !byDue.has(due))
        .map((due) => new Date(due).toISOString());
      expect(missing).toEqual([]);

      // Once every instance had scheduled the task, due times are never closer than the frequency.
      const dues = [...byDue.keys()].filter((d) => d > lastReady.getTime()).sort((a, b) => a - b);
      for (let i = 1; i < dues.length; i += 1)
        expect(dues[i]! - dues[i - 1]!).toBeGreaterThanOrEqual(FREQUENCY_MS);

      // The survivors kept running the task after the kill.
      expect(
        runs.filter((r) => r.seq > (hung.seq as number) && r.pid !== victimPid).length,
      ).toBeGreaterThanOrEqual(10);

      // SCHED-071: the local task ran in every process, the victim included.
      const localPids = new Set(
        ((await db('sched_local_runs').select('pid')) as Array<{ pid: number }>).map((r) => r.pid),
      );
      for (const child of [victim!, ...survivors]) expect(localPids.has(child.pid!)).toBe(true);
    }, 40_000);
  },
);
