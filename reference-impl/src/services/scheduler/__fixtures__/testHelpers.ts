import type { DatabaseService, LoggerService } from '@openstage/spec';
import knexFactory, { type Knex } from 'knex';

/** A logger that records what it is given. */
export function recordingLogger(): LoggerService & {
  entries: Array<{ level: string; message: string; meta: unknown }>;
} {
  const entries: Array<{ level: string; message: string; meta: unknown }> = [];
  const make = (fields: Record<string, unknown>): LoggerService => ({
    error: (message, meta) => entries.push({ level: 'error', message, meta: { ...fields, meta } }),
    warn: (message, meta) => entries.push({ level: 'warn', message, meta: { ...fields, meta } }),
    info: (message, meta) => entries.push({ level: 'info', message, meta: { ...fields, meta } }),
    debug: () => {},
    child: (meta) => make({ ...fields, ...meta }),
  });
  return Object.assign(make({}), { entries });
}

/** An in-memory SQLite database, as the embedded default uses. */
export function memoryDatabase(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
}

/** A database service over `knex`. */
export function databaseService(knex: Knex, skipMigrations = false): DatabaseService {
  return { getClient: async () => knex, ...(skipMigrations ? { migrations: { skip: true } } : {}) };
}

/** Polls `check` until it is truthy, or fails naming `what` after `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A promise with its resolve function. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
