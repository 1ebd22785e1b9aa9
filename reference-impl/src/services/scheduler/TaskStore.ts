import type { Knex } from 'knex';
import { TASKS_TABLE } from './migrateSchedulerTables.js';
import { nextCronTime } from './nextCronTime.js';
import type { TaskCadence } from './parseTaskSchedule.js';
import { systemSchedulerClock, type SchedulerClock } from './SchedulerClock.js';
import { sqlTimeFor, toRaw, type SqlExpr, type SqlTime } from './SqlTime.js';
import type { TaskSettingsV2 } from './TaskSettingsV2.js';

/**
 * The due time of a manual task: far enough away never to come, early enough that every engine
 * and every time zone conversion of a driver can store it.
 */
export const MANUAL_DUE_TIME = new Date(Date.UTC(9000, 0, 1));

/** One row of the tasks table, with times read as dates. */
export interface TaskRow {
  readonly id: string;
  readonly settingsJson: string;
  readonly nextRunStartAt: Date | undefined;
  readonly currentRunTicket: string | undefined;
  readonly currentRunStartedAt: Date | undefined;
  readonly currentRunExpiresAt: Date | undefined;
  readonly lastRunEndedAt: Date | undefined;
  readonly lastRunErrorJson: string | undefined;
}

/** The outcome of a trigger or cancel in the database. */
export type TaskUpdateOutcome = 'done' | 'missing' | 'running' | 'idle';

/**
 * The database side of global tasks: every statement that decides who runs a task is a single
 * conditional UPDATE, so two instances can never both succeed (SCHED-051, SCHED-052), and every
 * time comparison uses the database's clock (see {@link SqlTime}). A store given a `clock` reads
 * the time from that clock instead, also for what it writes and compares in SQL, so that a fake
 * clock drives global tasks (TEST-237).
 */
export class TaskStore {
  readonly #time: SqlTime;
  readonly #clock: SchedulerClock;

  constructor(
    private readonly knex: Knex,
    options: { clock?: SchedulerClock } = {},
  ) {
    const time = sqlTimeFor(knex);
    const { clock } = options;
    this.#clock = clock ?? systemSchedulerClock;
    this.#time =
      clock === undefined ? time : { ...time, now: () => time.literal(new Date(clock.now())) };
  }

  #raw(expr: SqlExpr): Knex.Raw {
    return toRaw(this.knex, expr);
  }

  /** The due time of a task's first run, as of now (SCHED-033, SCHED-035, SCHED-039). */
  firstDueTime(cadence: TaskCadence, initialDelayMs: number | undefined): SqlExpr {
    const t = this.#time;
    if (cadence.kind === 'manual') return t.literal(MANUAL_DUE_TIME);
    if (initialDelayMs !== undefined) return t.plus(t.now(), initialDelayMs);
    if (cadence.kind === 'duration') return t.now();
    return t.literal(nextCronTime(cadence.expression, new Date(this.#clock.now() - 1)));
  }

  /**
   * The due time of the run after the one that became due at `due` (the stored
   * `next_run_start_at`), for a run that ends now (SCHED-034, SCHED-036, SCHED-037).
   */
  nextDueTime(cadence: TaskCadence | undefined, due: Date | undefined): SqlExpr {
    const t = this.#time;
    if (cadence === undefined || cadence.kind === 'manual') return t.literal(MANUAL_DUE_TIME);
    if (cadence.kind === 'duration') {
      return t.later(t.plus(t.column('next_run_start_at'), cadence.milliseconds), t.now());
    }
    // The run's own due time bounds the search from below, so a clock behind the database's
    // can never hand out the same cron time twice.
    const after = Math.max(this.#clock.now(), due?.getTime() ?? 0);
    return t.literal(nextCronTime(cadence.expression, new Date(after)));
  }

  /**
   * Stores a task, or replaces the settings of an existing one while keeping the earlier of the
   * stored and the new due time (SCHED-058).
   */
  async upsert(id: string, settings: TaskSettingsV2, firstDue: SqlExpr): Promise<void> {
    const settingsJson = JSON.stringify(settings);
    await this.knex(TASKS_TABLE)
      .insert({ id, settings_json: settingsJson, next_run_start_at: this.#raw(firstDue) })
      .onConflict('id')
      .ignore();
    await this.knex(TASKS_TABLE).where({ id }).update({ settings_json: settingsJson });
    await this.knex(TASKS_TABLE)
      .where({ id })
      .andWhere('next_run_start_at', '>', this.#raw(firstDue))
      .update({ next_run_start_at: this.#raw(firstDue) });
  }

  /**
   * Takes the lease of a due task with `ticket`, if no live lease exists (SCHED-053). A lease
   * that has expired counts as released (SCHED-056), so a crashed instance's run is taken over
   * without waiting for the janitor.
   */
  async tryClaim(id: string, ticket: string, timeoutMs: number): Promise<boolean> {
    const t = this.#time;
    const now = this.#raw(t.now());
    const count = await this.knex(TASKS_TABLE)
      .where({ id })
      .andWhere('next_run_start_at', '<=', now)
      .andWhere((q) =>
        q.whereNull('current_run_ticket').orWhere('current_run_expires_at', '<', now),
      )
      .update({
        current_run_ticket: ticket,
        current_run_started_at: this.#raw(t.now()),
        current_run_expires_at: this.#raw(t.plus(t.now(), timeoutMs)),
      });
    return count === 1;
  }

  /**
   * Ends the run holding `ticket`: releases the lease and stores the next due time (SCHED-054).
   * Returns `false` when the lease was no longer held (expired and taken over, or cancelled).
   */
  async release(
    id: string,
    ticket: string,
    nextDue: SqlExpr,
    errorJson: string | undefined,
  ): Promise<boolean> {
    const count = await this.knex(TASKS_TABLE)
      .where({ id, current_run_ticket: ticket })
      .update({
        next_run_start_at: this.#raw(nextDue),
        current_run_ticket: null,
        current_run_started_at: null,
        current_run_expires_at: null,
        last_run_ended_at: this.#raw(this.#time.now()),
        last_run_error_json: errorJson ?? null,
      });
    return count === 1;
  }

  /** Makes a task due now unless a live run holds its lease (SCHED-081, SCHED-084, SCHED-085). */
  async trigger(id: string): Promise<TaskUpdateOutcome> {
    const now = this.#raw(this.#time.now());
    const count = await this.knex(TASKS_TABLE)
      .where({ id })
      .andWhere((q) =>
        q.whereNull('current_run_ticket').orWhere('current_run_expires_at', '<', now),
      )
      .update({ next_run_start_at: this.#raw(this.#time.now()) });
    if (count === 1) return 'done';
    return (await this.read(id)) === undefined ? 'missing' : 'running';
  }

  /**
   * Releases the lease of the run in progress, records it as cancelled and stores the next due
   * time (SCHED-089, SCHED-093). The instance running it notices the lost lease (SCHED-057).
   */
  async cancel(
    id: string,
    cadenceOf: (row: TaskRow) => TaskCadence | undefined,
    errorJson: string,
  ): Promise<TaskUpdateOutcome> {
    const row = await this.read(id);
    if (row === undefined) return 'missing';
    if (row.currentRunTicket === undefined) return 'idle';
    const released = await this.release(
      id,
      row.currentRunTicket,
      this.nextDueTime(cadenceOf(row), row.nextRunStartAt),
      errorJson,
    );
    return released ? 'done' : 'idle';
  }

  /** Releases every expired lease, keeping the due time so the task is due at once (SCHED-055, SCHED-056). */
  async releaseExpiredLeases(): Promise<number> {
    return this.knex(TASKS_TABLE)
      .whereNotNull('current_run_ticket')
      .andWhere('current_run_expires_at', '<', this.#raw(this.#time.now()))
      .update({
        current_run_ticket: null,
        current_run_started_at: null,
        current_run_expires_at: null,
      });
  }

  async read(id: string): Promise<TaskRow | undefined> {
    const row = (await this.knex(TASKS_TABLE).where({ id }).first()) as
      Record<string, unknown> | undefined;
    if (row === undefined) return undefined;
    const t = this.#time;
    const text = (value: unknown): string | undefined =>
      typeof value === 'string' ? value : undefined;
    return {
      id,
      settingsJson: String(row.settings_json),
      nextRunStartAt: t.read(row.next_run_start_at),
      currentRunTicket: text(row.current_run_ticket),
      currentRunStartedAt: t.read(row.current_run_started_at),
      currentRunExpiresAt: t.read(row.current_run_expires_at),
      lastRunEndedAt: t.read(row.last_run_ended_at),
      lastRunErrorJson: text(row.last_run_error_json),
    };
  }
}
