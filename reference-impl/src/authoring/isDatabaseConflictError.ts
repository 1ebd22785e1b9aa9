/**
 * The messages with which the supported clients report a unique-constraint violation (DB-072):
 * SQLite (sqlite3 and better-sqlite3), PostgreSQL (`duplicate key value violates unique
 * constraint`) and MySQL/MariaDB (`Duplicate entry ... for key`).
 */
const CONFLICT_PATTERNS: readonly RegExp[] = [
  /SQLITE_CONSTRAINT: UNIQUE/,
  /SQLITE_CONSTRAINT_UNIQUE: UNIQUE/,
  /UNIQUE constraint failed:/,
  /unique constraint/,
  /Duplicate entry/,
];

/**
 * Whether `error` is a unique-constraint violation raised by a database query, such as an insert
 * that lost a race against another insert of the same key (DB-071 to DB-074). Lets a plugin answer
 * such a race with a conflict instead of a server error, without parsing driver messages itself.
 *
 * @example
 * ```ts
 * try {
 *   await knex('todos').insert({ id, title });
 * } catch (error) {
 *   if (isDatabaseConflictError(error)) throw new ConflictError(`Todo ${id} already exists`);
 *   throw error;
 * }
 * ```
 */
export function isDatabaseConflictError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { message } = error;
  return CONFLICT_PATTERNS.some((pattern) => pattern.test(message));
}
