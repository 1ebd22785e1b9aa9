import type { Knex } from 'knex';

/** A fragment of SQL with its positional bindings. */
export interface SqlExpr {
  readonly sql: string;
  readonly bindings: readonly Knex.Value[];
}

/**
 * Time arithmetic in the database's own clock, per dialect.
 *
 * Every comparison that decides whether a global task is due, or whether a lease has expired,
 * is made by the database against its own clock, so that instances whose clocks disagree still
 * agree on who runs the task (SCHED-051, SCHED-052). Values computed in JavaScript are only
 * written for cron due times and the far-future time of manual tasks.
 */
export interface SqlTime {
  /** The database's current time. */
  now(): SqlExpr;
  /** `base` plus `milliseconds`. */
  plus(base: SqlExpr, milliseconds: number): SqlExpr;
  /** The later of two times. */
  later(a: SqlExpr, b: SqlExpr): SqlExpr;
  /** A literal time. */
  literal(date: Date): SqlExpr;
  /** A column reference. */
  column(name: string): SqlExpr;
  /** Reads a time column value as the driver returns it. */
  read(value: unknown): Date | undefined;
}

const sql = (text: string, ...bindings: Knex.Value[]): SqlExpr => ({ sql: text, bindings });

/** Turns an expression into a knex raw value. */
export function toRaw(knex: Knex, expr: SqlExpr): Knex.Raw {
  return knex.raw(expr.sql, expr.bindings as Knex.Value[]);
}

function readDate(value: unknown): Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'string') {
    // SQLite text timestamps ('YYYY-MM-DD HH:MM:SS[.fff]') are UTC without a zone marker.
    const text = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)
      ? `${value.replace(' ', 'T')}Z`
      : value;
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** The time arithmetic for the dialect of `knex`. */
export function sqlTimeFor(knex: Knex): SqlTime {
  const dialect = (knex.client as { dialect?: string }).dialect;
  const column = (name: string): SqlExpr => sql('??', name);
  switch (dialect) {
    case 'postgresql':
    case 'pg':
      return {
        now: () => sql('CURRENT_TIMESTAMP'),
        plus: (base, ms) =>
          sql(`(${base.sql} + ? * interval '1 millisecond')`, ...base.bindings, ms),
        later: (a, b) => sql(`GREATEST(${a.sql}, ${b.sql})`, ...a.bindings, ...b.bindings),
        literal: (date) => sql('?::timestamptz', date),
        column,
        read: readDate,
      };
    case 'mysql':
    case 'mysql2':
      return {
        now: () => sql('CURRENT_TIMESTAMP(3)'),
        plus: (base, ms) =>
          sql(
            `DATE_ADD(${base.sql}, INTERVAL ? MICROSECOND)`,
            ...base.bindings,
            Math.round(ms * 1000),
          ),
        later: (a, b) => sql(`GREATEST(${a.sql}, ${b.sql})`, ...a.bindings, ...b.bindings),
        literal: (date) => sql('?', date),
        column,
        read: readDate,
      };
    case 'sqlite3':
    case 'better-sqlite3':
      return {
        now: () => sql(`strftime('%Y-%m-%d %H:%M:%f', 'now')`),
        plus: (base, ms) =>
          sql(
            `strftime('%Y-%m-%d %H:%M:%f', ${base.sql}, ?)`,
            ...base.bindings,
            `+${ms / 1000} seconds`,
          ),
        // Both sides have the same text format, so the text maximum is the later time.
        later: (a, b) => sql(`MAX(${a.sql}, ${b.sql})`, ...a.bindings, ...b.bindings),
        literal: (date) => sql('?', date.toISOString().replace('T', ' ').replace('Z', '')),
        column,
        read: readDate,
      };
    default:
      throw new Error(`The scheduler does not support the database dialect '${String(dialect)}'`);
  }
}
