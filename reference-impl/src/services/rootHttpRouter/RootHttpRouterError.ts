import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorCode, ErrorDetails } from '../../errors/errorCatalog.js';

/** The codes the default `rootHttpRouter` factory, its router and its health router raise. */
export type RootHttpRouterErrorCode = Extract<ErrorCode, `RHTTP_${string}`> | 'HLTH_INVALID_HEADER';

/**
 * An error of the default `rootHttpRouter`: a bad mount path, or a configuration value the
 * factory cannot use. Configuration values it cannot read at all (a missing value, a bad
 * duration) are raised as `ConfigError`.
 *
 * `code` is the stable contract; `configPath` names the offending key when there is one. The
 * message template, requirement and hint come from the error catalog (`src/errors/errorCatalog.ts`);
 * the message names the culprit and ends with the code and requirement.
 */
export class RootHttpRouterError<
  C extends RootHttpRouterErrorCode = RootHttpRouterErrorCode,
> extends OpenstageError<C> {
  override readonly name = 'RootHttpRouterError';

  constructor(code: C, details: ErrorDetails<C>, options?: { cause?: unknown }) {
    super(code, details, options);
  }
}

/** Whether `error` is a `rootHttpRouter` error, optionally of the given code. */
export function isRootHttpRouterError<C extends RootHttpRouterErrorCode>(
  error: unknown,
  code?: C,
): error is RootHttpRouterError<C> {
  return error instanceof RootHttpRouterError && (code === undefined || error.code === code);
}
