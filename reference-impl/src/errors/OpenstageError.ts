import { errorCatalog, type ErrorCode, type ErrorDetails } from './errorCatalog.js';

/**
 * The culprit identifiers the spec's `Culprit` type names, plus the few
 * code-specific ones (`cycles`, `index`, `packageName`). They are copied from
 * `details` onto the error itself, so `error.pluginId` works as the spec's
 * `OpenstageError` type says.
 */
const CULPRIT_KEYS = [
  'path',
  'pluginId',
  'moduleId',
  'serviceId',
  'extensionPointId',
  'loader',
  'configPath',
  'dependencyKey',
  'ref',
  'cycle',
  'cycles',
  'index',
  'packageName',
] as const;

/**
 * An error raised by the reference implementation.
 *
 * `code` is a literal discriminant: narrowing on it (`switch (err.code)`)
 * narrows `details` to that code's culprit fields. The message names the
 * culprit and ends with the code and the requirement it enforces.
 */
export class OpenstageError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name: string = 'OpenstageError';
  readonly code: C;
  readonly requirement: string;
  readonly details: ErrorDetails<C>;
  readonly hint: string;
  declare readonly path?: string;
  declare readonly pluginId?: string;
  declare readonly moduleId?: string;
  declare readonly serviceId?: string;
  declare readonly extensionPointId?: string;
  declare readonly loader?: string;
  declare readonly configPath?: string;
  declare readonly dependencyKey?: string;
  declare readonly ref?: string;
  declare readonly cycle?: string[];

  constructor(code: C, details: ErrorDetails<C>, options?: { cause?: unknown }) {
    const entry = errorCatalog[code];
    // The catalog is a const object, so indexing by a generic key loses the
    // per-code parameter type; the constructor signature already enforces it.
    const format = entry.message as (d: ErrorDetails<C>) => string;
    super(`${format(details)} [${code}, ${entry.requirement}]`, options);
    this.code = code;
    this.requirement = entry.requirement;
    this.details = details;
    this.hint = entry.hint;
    const source = details as Record<string, unknown>;
    for (const key of CULPRIT_KEYS) {
      if (source[key] !== undefined)
        Object.defineProperty(this, key, { value: source[key], enumerable: true });
    }
  }
}

/** Any catalog error, as a union narrowable by `code`. */
export type AnyOpenstageError = { [C in ErrorCode]: OpenstageError<C> }[ErrorCode];

/** Whether `error` is a catalog error, optionally with a given code. */
export function isOpenstageError<C extends ErrorCode>(
  error: unknown,
  code?: C,
): error is OpenstageError<C> {
  return error instanceof OpenstageError && (code === undefined || error.code === code);
}

/** Renders any thrown value for inclusion in a message, like `stringifyError`. */
export function describeCause(error: unknown): string {
  if (error instanceof Error) {
    return `${error.name}: ${error.message}`;
  }
  return String(error);
}

/** Normalises any thrown value to an `Error`. */
export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
