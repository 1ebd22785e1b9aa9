import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorCode, ErrorDetails } from '../../errors/errorCatalog.js';

/** The catalog codes of the `auth` chapter (spec/docs/services/auth.md, "Errors"). */
export type AuthErrorCode = Extract<ErrorCode, `AUTH_${string}`>;

/**
 * An error of the `auth` service, narrowable by `code`. Its requirement, hint and `name` come
 * from the error catalog (`src/errors/errorCatalog.ts`): token rejections are named
 * `AuthenticationError` (AUTH-057, 401), a restricted token `NotAllowedError` (403) and a
 * configuration mistake keeps the class name (500). The catalog words the message from the
 * culprit fields given in `details` (plugin id, config path, token kind and issuer, ...), which
 * never include the token (AUTH-058).
 */
export class AuthServiceError<C extends AuthErrorCode = AuthErrorCode> extends OpenstageError<C> {
  constructor(code: C, details: ErrorDetails<C>, options?: { cause?: unknown }) {
    super(code, details, options);
    // Configuration mistakes have no HTTP-facing name in the catalog; they stay plain errors.
    if (this.name === 'OpenstageError') this.name = 'Error';
  }
}

/** Whether `error` is an auth error, optionally with the given code. */
export function isAuthServiceError<C extends AuthErrorCode>(
  error: unknown,
  code?: C,
): error is AuthServiceError<C> {
  return error instanceof AuthServiceError && (code === undefined || error.code === code);
}
