import { errors } from 'jose';
import { AuthServiceError } from './AuthServiceError.js';
import { KeySetUnavailableError } from './RemoteKeySets.js';

/**
 * Translates a failure of `jwtVerify` into the catalog error for the token kind named by
 * `what` ("plugin token from 'catalog'", "user token"), keeping the original as `cause`.
 * Messages are built from the token kind and issuer only, never from the token (AUTH-058).
 */
export function toTokenError(
  error: unknown,
  what: string,
  details: { pluginId?: string } = {},
): AuthServiceError {
  if (error instanceof AuthServiceError) return error;
  const base = { cause: error, ...details };
  if (error instanceof KeySetUnavailableError) {
    return new AuthServiceError(
      'AUTH_TOKEN_UNKNOWN_ISSUER',
      `Unable to verify ${what}: ${error.message}`,
      base,
    );
  }
  if (error instanceof errors.JWTExpired) {
    return new AuthServiceError('AUTH_TOKEN_EXPIRED', `The ${what} has expired`, base);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') {
      return new AuthServiceError(
        'AUTH_TOKEN_CLAIMS_MISSING',
        `The ${what} lacks the required '${error.claim}' claim`,
        base,
      );
    }
    if (error.claim === 'aud') {
      return new AuthServiceError(
        'AUTH_TOKEN_AUDIENCE_MISMATCH',
        `The ${what} is addressed to another audience`,
        base,
      );
    }
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new AuthServiceError(
    'AUTH_TOKEN_SIGNATURE_INVALID',
    `The ${what} failed verification: ${reason}`,
    base,
  );
}
