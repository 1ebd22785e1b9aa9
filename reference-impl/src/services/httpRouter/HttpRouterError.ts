import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorCode, ErrorDetails } from '../../errors/errorCatalog.js';

/** The codes the default `httpRouter` raises. */
export type HttpRouterErrorCode = Extract<ErrorCode, `HTTP_${string}`>;

/**
 * An error of the default `httpRouter`: a bad argument to `use` or `addAuthPolicy`, naming the
 * plugin and what it received. Its message template, requirement and hint live in the error
 * catalog (`src/errors/errorCatalog.ts`). A bad configuration value is a `ConfigError`.
 */
export class HttpRouterError<
  C extends HttpRouterErrorCode = HttpRouterErrorCode,
> extends OpenstageError<C> {
  override readonly name = 'HttpRouterError';

  constructor(code: C, details: ErrorDetails<C>) {
    super(code, details);
  }
}

/** Whether `error` is an `httpRouter` error, optionally of the given code. */
export function isHttpRouterError<C extends HttpRouterErrorCode>(
  error: unknown,
  code?: C,
): error is HttpRouterError<C> {
  return error instanceof HttpRouterError && (code === undefined || error.code === code);
}
