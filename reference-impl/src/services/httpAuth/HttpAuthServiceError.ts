import type { ErrorCode, OpenstageError as OpenstageErrorShape } from '@openstage/spec';

/** The catalog codes of the `httpAuth` chapter (spec/docs/services/http-auth.md, "Errors"). */
export type HttpAuthErrorCode = Extract<ErrorCode, `HAUTH_${string}`>;

// TODO(lead): move into reference-impl/src/errors/errorCatalog.ts once it takes service codes.
const entries: Record<HttpAuthErrorCode, { requirement: string; name: string }> = {
  HAUTH_MISSING_CREDENTIALS: { requirement: 'HAUTH-019', name: 'AuthenticationError' },
  HAUTH_PRINCIPAL_NOT_ALLOWED: { requirement: 'HAUTH-020', name: 'NotAllowedError' },
  HAUTH_HEADERS_SENT: { requirement: 'HAUTH-030', name: 'Error' },
  HAUTH_COOKIE_NON_USER: { requirement: 'HAUTH-035', name: 'AuthenticationError' },
};

/**
 * An error of the `httpAuth` service, narrowable by `code`. The message is exactly the text
 * given (HAUTH-019 fixes it to `Missing credentials`), so the code and requirement live in their
 * own properties. The `name` drives the HTTP status: AuthenticationError 401, NotAllowedError
 * 403 (HAUTH-026).
 */
export class HttpAuthServiceError<C extends HttpAuthErrorCode = HttpAuthErrorCode>
  extends Error
  implements OpenstageErrorShape<C>
{
  override readonly name: string;
  readonly code: C;
  readonly requirement: string;
  readonly pluginId?: string;

  constructor(code: C, message: string, details: { pluginId?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = entries[code].name;
    this.code = code;
    this.requirement = entries[code].requirement;
    if (details.pluginId !== undefined) this.pluginId = details.pluginId;
  }
}
