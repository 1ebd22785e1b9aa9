/*
 * One backend process of the multi-process scheduler test (TaskManager.multiprocess.test.ts).
 * It schedules the same global task as its siblings on a shared PostgreSQL database, plus a
 * local task, and records every run in tables the test reads.
 *
 * Env: CHILD_DATABASE_URL (required). Once the test puts a row into sched_control, the first
 * global run of any process to claim that row hangs, so the test can kill that process in the
 * middle of a run while it holds the lease.
 */
import knexFactory from 'knex';
import type { LoggerService } from '@openstage/spec';
import { TaskManager } from '../TaskManager.js';

const connection = process.env.CHILD_DATABASE_URL;
if (connection === undefined) throw new Error('CHILD_DATABASE_URL is not set');

const knex = knexFactory({ client: 'pg', connection, pool: { min: 0, max: 4 } });
const logger: LoggerService = {
  error: (message) => process.stderr.write(`[${process.pid}] error ${message}\n`),
  warn: (message) => process.stderr.write(`[${process.pid}] warn ${message}\n`),
  info: () => {},
  debug: () => {},
  child: () => logger,
};

const manager = new TaskManager();
const scheduler = manager.forPlugin({
  pluginId: 'multi',
  database: { getClient: async () => knex },
  logger,
});

await scheduler.scheduleTask({
  id: 'count',
  frequency: { milliseconds: 250 },
  timeout: { milliseconds: 1500 },
  fn: async () => {
    const hang =
      (await knex('sched_control')
        .whereNull('consumed_by')
        .update({ consumed_by: process.pid })) === 1;
    // Copies the due time and lease of this very run from the tasks table, in the database's
    // own representation, so the test compares stored values only.
    await knex.raw(
      `INSERT INTO sched_runs (due_at, ticket, expires_at, pid, hang)
       SELECT next_run_start_at, current_run_ticket, current_run_expires_at, ?, ?
       FROM backstage_backend_tasks__tasks WHERE id = 'count'`,
      [process.pid, hang],
    );
    // The hanging run ignores its signal on purpose: the process is killed before it returns.
    await new Promise((resolve) => setTimeout(resolve, hang ? 20_000 : 60));
  },
});
await scheduler.scheduleTask({
  id: 'local-tick',
  scope: 'local',
  frequency: { milliseconds: 200 },
  timeout: { seconds: 1 },
  fn: async () => {
    await knex('sched_local_runs').insert({ pid: process.pid });
  },
});
await knex('sched_ready').insert({ pid: process.pid, ready_at: knex.fn.now() });
process.stdout.write('READY\n');

process.on('SIGTERM', () => {
  void manager
    .shutdown()
    .then(() => knex.destroy())
    .finally(() => process.exit(0));
});
