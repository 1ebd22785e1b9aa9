import type { ErrorCode } from '@openstage/spec';
import {
  configErrorCatalog,
  type ConfigErrorCode,
  type ConfigErrorDetails,
} from './configErrorCatalog.js';

/**
 * An error raised while loading, validating or reading configuration.
 *
 * `code` is a literal discriminant and the culprit fields of that code (`configPath`, `file`,
 * `problems`, ...) are own properties, so `isConfigError(err, 'CONF_SCHEMA_VALIDATION_FAILED')`
 * narrows to an error with `problems` (CONF-062, CONF-071, RCFG-022).
 */
export class ConfigError<C extends ConfigErrorCode = ConfigErrorCode> extends Error {
  override readonly name = 'ConfigError';
  readonly code: C;
  readonly requirement: string;
  readonly hint: string;

  private constructor(code: C, details: ConfigErrorDetails[C], options?: { cause?: unknown }) {
    const entry = configErrorCatalog[code];
    // The catalog is typed per code; indexing it with a generic key loses that link, which the
    // constructor's own signature restores.
    const format = entry.message as (d: ConfigErrorDetails[C]) => string;
    super(`${format(details)} [${code}, ${entry.requirement}]`, options);
    this.code = code;
    this.requirement = entry.requirement;
    this.hint = entry.hint;
    Object.assign(this, details);
  }

  /** Creates the error of `code` whose properties are `details`. */
  static create<C extends ConfigErrorCode>(
    code: C,
    details: ConfigErrorDetails[C],
    options?: { cause?: unknown },
  ): ConfigErrorOf<C> {
    return new ConfigError(code, details, options) as ConfigErrorOf<C>;
  }
}

/** The error of one code, with that code's culprit fields. */
export type ConfigErrorOf<C extends ConfigErrorCode> = ConfigError<C> &
  Readonly<ConfigErrorDetails[C]>;

/** Any configuration error, narrowable by `code`. */
export type AnyConfigError = { [C in ConfigErrorCode]: ConfigErrorOf<C> }[ConfigErrorCode];

/** Whether `error` is a configuration error, optionally of the given code. */
export function isConfigError<C extends ConfigErrorCode = ConfigErrorCode>(
  error: unknown,
  code?: C,
): error is ConfigErrorOf<C> {
  return error instanceof ConfigError && (code === undefined || error.code === code);
}

// Every local code must also be a code of the spec's catalog; this fails to compile otherwise.
type AssertSpecCodes<T extends ErrorCode> = T;
export type ConfigSpecErrorCode = AssertSpecCodes<ConfigErrorCode>;
