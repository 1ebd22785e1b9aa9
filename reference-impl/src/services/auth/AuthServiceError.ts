import type { ErrorCode, OpenstageError as OpenstageErrorShape } from '@openstage/spec';

/** The catalog codes of the `auth` chapter (spec/docs/services/auth.md, "Errors"). */
export type AuthErrorCode = Extract<ErrorCode, `AUTH_${string}`>;

// TODO(lead): move these entries into reference-impl/src/errors/errorCatalog.ts once the
// catalog takes service codes; this folder may not edit it.
const requirements: Record<AuthErrorCode, string> = {
  AUTH_INVALID_CREDENTIALS: 'AUTH-010',
  AUTH_INVALID_TOKEN: 'AUTH-022',
  AUTH_TOKEN_SIGNATURE_INVALID: 'AUTH-050',
  AUTH_TOKEN_EXPIRED: 'AUTH-051',
  AUTH_TOKEN_CLAIMS_MISSING: 'AUTH-053',
  AUTH_TOKEN_AUDIENCE_MISMATCH: 'AUTH-054',
  AUTH_TOKEN_UNKNOWN_ISSUER: 'AUTH-055',
  AUTH_TOKEN_SUBJECT_INVALID: 'AUTH-090',
  AUTH_OBO_TOKEN_INVALID: 'AUTH-098',
  AUTH_NONE_TOKEN_REFUSED: 'AUTH-080',
  AUTH_CREDENTIALS_WITHOUT_TOKEN: 'AUTH-081',
  AUTH_LIMITED_TOKEN_NOT_ALLOWED: 'AUTH-133',
  AUTH_LIMITED_TOKEN_UNSUPPORTED: 'AUTH-142',
  AUTH_KEY_STORE_UNKNOWN_TYPE: 'AUTH-106',
  AUTH_SIGNING_KEY_UNAVAILABLE: 'AUTH-118',
  AUTH_STATIC_KEYS_MISSING: 'AUTH-123',
  AUTH_STATIC_SIGNING_KEY_MISSING: 'AUTH-124',
  AUTH_STATIC_KEY_UNREADABLE: 'AUTH-125',
  AUTH_EXTERNAL_ACCESS_UNKNOWN_TYPE: 'AUTH-151',
  AUTH_EXTERNAL_ACCESS_INVALID_OPTIONS: 'AUTH-161',
  AUTH_EXTERNAL_ACCESS_DUPLICATE: 'AUTH-163',
  AUTH_ACCESS_RESTRICTIONS_INVALID: 'AUTH-182',
  AUTH_ACCESS_RESTRICTED: 'AUTH-185',
  AUTH_EXTERNAL_HANDLER_DUPLICATE_TYPE: 'AUTH-191',
};

/**
 * The `name` each code is raised with. HTTP error handlers map names to statuses the way
 * Backstage does (AuthenticationError 401, NotAllowedError 403, anything else 500), so a
 * rejected token is a 401, a restricted one a 403 and a configuration mistake a 500.
 */
function nameOf(code: AuthErrorCode): string {
  switch (code) {
    case 'AUTH_ACCESS_RESTRICTED':
      return 'NotAllowedError';
    case 'AUTH_INVALID_CREDENTIALS':
    case 'AUTH_KEY_STORE_UNKNOWN_TYPE':
    case 'AUTH_SIGNING_KEY_UNAVAILABLE':
    case 'AUTH_STATIC_KEYS_MISSING':
    case 'AUTH_STATIC_SIGNING_KEY_MISSING':
    case 'AUTH_STATIC_KEY_UNREADABLE':
    case 'AUTH_EXTERNAL_ACCESS_UNKNOWN_TYPE':
    case 'AUTH_EXTERNAL_ACCESS_INVALID_OPTIONS':
    case 'AUTH_EXTERNAL_ACCESS_DUPLICATE':
    case 'AUTH_ACCESS_RESTRICTIONS_INVALID':
    case 'AUTH_EXTERNAL_HANDLER_DUPLICATE_TYPE':
      return 'Error';
    default:
      return 'AuthenticationError';
  }
}

/** Culprit fields an auth error may carry. */
export interface AuthErrorDetails {
  pluginId?: string;
  configPath?: string;
  cause?: unknown;
}

/**
 * An error of the `auth` service, narrowable by `code`. Token rejections are named
 * `AuthenticationError` (AUTH-057) and never contain the token (AUTH-058): callers build the
 * message from claims and ids only.
 */
export class AuthServiceError<C extends AuthErrorCode = AuthErrorCode>
  extends Error
  implements OpenstageErrorShape<C>
{
  override readonly name: string;
  readonly code: C;
  readonly requirement: string;
  readonly pluginId?: string;
  readonly configPath?: string;

  constructor(code: C, message: string, details: AuthErrorDetails = {}) {
    const requirement = requirements[code];
    super(
      `${message} [${code}, ${requirement}]`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = nameOf(code);
    this.code = code;
    this.requirement = requirement;
    if (details.pluginId !== undefined) this.pluginId = details.pluginId;
    if (details.configPath !== undefined) this.configPath = details.configPath;
  }
}

/** Whether `error` is an auth error, optionally with the given code. */
export function isAuthServiceError<C extends AuthErrorCode>(
  error: unknown,
  code?: C,
): error is AuthServiceError<C> {
  return error instanceof AuthServiceError && (code === undefined || error.code === code);
}
