import { AuthServiceError } from './AuthServiceError.js';
import { isJoseError } from './loadJose.js';
import { KeySetUnavailableError } from './RemoteKeySets.js';
import type { ErrorDetails } from '../../errors/errorCatalog.js';

/** The token a verification error is about: its kind and, for plugin tokens, the issuer. */
export type TokenCulprit = ErrorDetails<'AUTH_TOKEN_EXPIRED'>;

/**
 * Translates a failure of `jwtVerify` into the catalog error for `token` (its kind and, for
 * plugin tokens, the issuing plugin), keeping the original as `cause`. The catalog words the
 * message from the token kind and issuer only, never from the token (AUTH-058).
 */
export function toTokenError(error: unknown, token: TokenCulprit): AuthServiceError {
  if (error instanceof AuthServiceError) return error;
  const options = { cause: error };
  if (error instanceof KeySetUnavailableError) {
    return new AuthServiceError(
      'AUTH_TOKEN_UNKNOWN_ISSUER',
      { ...token, reason: error.message },
      options,
    );
  }
  if (isJoseError(error, 'JWTExpired')) {
    return new AuthServiceError('AUTH_TOKEN_EXPIRED', token, options);
  }
  if (isJoseError(error, 'JWTClaimValidationFailed')) {
    if (error.reason === 'missing') {
      return new AuthServiceError(
        'AUTH_TOKEN_CLAIMS_MISSING',
        { ...token, claim: error.claim },
        options,
      );
    }
    if (error.claim === 'aud') {
      return new AuthServiceError('AUTH_TOKEN_AUDIENCE_MISMATCH', token, options);
    }
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new AuthServiceError('AUTH_TOKEN_SIGNATURE_INVALID', { ...token, reason }, options);
}
