import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorDetails } from '../../errors/errorCatalog.js';

/** The codes of the default root logger (spec/docs/services/logger.md, "Errors"). */
export type RootLoggerErrorCode =
  'LOG_INVALID_LEVEL' | 'LOG_INVALID_OVERRIDE_LEVEL' | 'LOG_INVALID_OVERRIDE_MATCHERS';

/**
 * An error of the default root logger, narrowable by `code`; `configPath` names the culprit.
 * Its entries live in the error catalog.
 */
export class RootLoggerError<
  C extends RootLoggerErrorCode = RootLoggerErrorCode,
> extends OpenstageError<C> {
  override readonly name = 'RootLoggerError';
  declare readonly configPath: string;

  constructor(code: C, details: ErrorDetails<C>) {
    super(code, details);
  }
}

/** Renders a config value for an error message, without ever throwing. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
