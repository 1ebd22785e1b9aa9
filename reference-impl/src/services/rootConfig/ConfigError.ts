import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorCode, ErrorDetails } from '../../errors/errorCatalog.js';

/** Every code the configuration loader and the rootConfig service raise. */
export type ConfigErrorCode = Extract<ErrorCode, `CONF_${string}` | `RCFG_${string}`>;

/** The culprit fields of each configuration code; they become properties of the error. */
export type ConfigErrorDetails = { [C in ConfigErrorCode]: ErrorDetails<C> };

/** Every culprit field a configuration code may carry, for copying them onto the error. */
const CONFIG_CULPRIT_KEYS = [
  'file',
  'line',
  'column',
  'reason',
  'found',
  'url',
  'variable',
  'variables',
  'configPath',
  'includeKey',
  'fragment',
  'walked',
  'files',
  'location',
  'packageName',
  'problems',
  'key',
  'source',
  'expected',
];

/**
 * An error raised while loading, validating or reading configuration; its entries live in the
 * error catalog (`src/errors/errorCatalog.ts`).
 *
 * `code` is a literal discriminant and the culprit fields of that code (`configPath`, `file`,
 * `problems`, ...) are own properties, so `isConfigError(err, 'CONF_SCHEMA_VALIDATION_FAILED')`
 * narrows to an error with `problems` (CONF-062, CONF-071, RCFG-022).
 */
export class ConfigError<C extends ConfigErrorCode = ConfigErrorCode> extends OpenstageError<C> {
  override readonly name = 'ConfigError';

  private constructor(code: C, details: ErrorDetails<C>, options?: { cause?: unknown }) {
    super(code, details, options);
    for (const key of CONFIG_CULPRIT_KEYS) {
      const value = (details as Record<string, unknown>)[key];
      if (value !== undefined)
        Object.defineProperty(this, key, { value, enumerable: true, configurable: true });
    }
  }

  /** Creates the error of `code` whose properties are `details`. */
  static create<C extends ConfigErrorCode>(
    code: C,
    details: ErrorDetails<C>,
    options?: { cause?: unknown },
  ): ConfigErrorOf<C> {
    return new ConfigError(code, details, options) as ConfigErrorOf<C>;
  }
}

/** The error of one code, with that code's culprit fields. */
export type ConfigErrorOf<C extends ConfigErrorCode> = ConfigError<C> & Readonly<ErrorDetails<C>>;

/** Any configuration error, narrowable by `code`. */
export type AnyConfigError = { [C in ConfigErrorCode]: ConfigErrorOf<C> }[ConfigErrorCode];

/** Whether `error` is a configuration error, optionally of the given code. */
export function isConfigError<C extends ConfigErrorCode = ConfigErrorCode>(
  error: unknown,
  code?: C,
): error is ConfigErrorOf<C> {
  return error instanceof ConfigError && (code === undefined || error.code === code);
}
