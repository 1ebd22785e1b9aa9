import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorCode, ErrorDetails } from '../../errors/errorCatalog.js';

/** The catalog codes of the `httpAuth` chapter (spec/docs/services/http-auth.md, "Errors"). */
export type HttpAuthErrorCode = Extract<ErrorCode, `HAUTH_${string}`>;

/**
 * An error of the `httpAuth` service, narrowable by `code`. The catalog words the message from
 * the culprit fields in `details`; HAUTH-019 fixes one text to `Missing credentials`, so the
 * entries carry no code suffix and the code and requirement live in their own properties. The catalog's `name` drives
 * the HTTP status: AuthenticationError 401, NotAllowedError 403 (HAUTH-026).
 */
export class HttpAuthServiceError<
  C extends HttpAuthErrorCode = HttpAuthErrorCode,
> extends OpenstageError<C> {
  constructor(code: C, details: ErrorDetails<C>, options?: { cause?: unknown }) {
    super(code, details, options);
    if (this.name === 'OpenstageError') this.name = 'Error';
  }
}
