import {
  errorCatalog,
  type CatalogEntry,
  type ErrorCode,
  type ErrorDetails,
} from './errorCatalog.js';
import { CULPRIT_KEYS } from './culpritKeys.js';

/** Marks catalog errors whose base class is not `OpenstageError` (see `base` in the catalog). */
const kCatalogError = Symbol.for('@openstage/reference-impl/catalogError');

/**
 * The message, name and requirement of the catalog entry for `code`, given its details. Used by
 * `OpenstageError` and by the few catalog errors that must extend another built-in class.
 */
export function renderCatalogError<C extends ErrorCode>(
  code: C,
  details: ErrorDetails<C>,
  options?: { verbatim?: boolean },
): { message: string; name: string | undefined; requirement: string; hint: string } {
  const entry: CatalogEntry<ErrorDetails<C>> = errorCatalog[code] as CatalogEntry<ErrorDetails<C>>;
  const text = entry.message(details);
  const verbatim = entry.suffix === false || options?.verbatim === true;
  return {
    message: verbatim ? text : `${text} [${code}, ${entry.requirement}]`,
    name: entry.name,
    requirement: entry.requirement,
    hint: entry.hint,
  };
}

/**
 * Copies the culprit fields of `details` onto `target`, and gives it the non-enumerable `details`
 * and `hint`, so error handlers that serialise own properties send neither twice.
 */
export function attachCatalogFields(
  target: object,
  details: object,
  hint: string,
  keys: readonly string[] = CULPRIT_KEYS,
): void {
  const source = details as Record<string, unknown>;
  for (const key of keys) {
    if (source[key] !== undefined)
      Object.defineProperty(target, key, {
        value: source[key],
        enumerable: true,
        configurable: true,
      });
  }
  Object.defineProperty(target, 'details', { value: details, enumerable: false });
  Object.defineProperty(target, 'hint', { value: hint, enumerable: false });
  Object.defineProperty(target, kCatalogError, { value: true, enumerable: false });
}

/**
 * An error raised by the reference implementation.
 *
 * `code` is a literal discriminant: narrowing on it (`switch (err.code)`)
 * narrows `details` to that code's culprit fields. The message names the
 * culprit and ends with the code and the requirement it enforces. `name` is
 * the catalog entry's HTTP-facing name when it has one (`NotFoundError`, ...),
 * which error handlers map to a status; subclasses may set their own.
 *
 * `instanceof OpenstageError` also holds for the catalog errors that must
 * extend another built-in class (such as `TypeError`), which carry a brand.
 */
export class OpenstageError<C extends ErrorCode = ErrorCode> extends Error {
  override name: string;
  readonly code: C;
  readonly requirement: string;
  declare readonly details: ErrorDetails<C>;
  declare readonly hint: string;
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

  constructor(
    code: C,
    details: ErrorDetails<C>,
    options?: { cause?: unknown; verbatim?: boolean },
  ) {
    const rendered = renderCatalogError(code, details, options);
    super(rendered.message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = rendered.name ?? 'OpenstageError';
    this.code = code;
    this.requirement = rendered.requirement;
    attachCatalogFields(this, details, rendered.hint);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    return (
      this === OpenstageError &&
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[kCatalogError] === true
    );
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
