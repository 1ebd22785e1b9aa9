import type { BackstageCredentials, BackstagePrincipalTypes } from '@openstage/spec';
import { HttpAuthServiceError } from './HttpAuthServiceError.js';

/**
 * Applies the `allow` option of `httpAuth.credentials` to credentials already extracted from a
 * request: a `none` principal outside the list means credentials are missing, any other type
 * outside it is not allowed. Shared by the default and the mock `httpAuth` services so both
 * answer the same (TEST-175).
 *
 * @param credentials - the credentials read from the request.
 * @param allow - the principal types the caller accepts; `undefined` accepts every type.
 * @param pluginId - the plugin whose `httpAuth` service asks, named in the error.
 * @returns the same credentials, narrowed to the allowed principal types.
 * @throws HttpAuthServiceError `HAUTH_MISSING_CREDENTIALS` or `HAUTH_PRINCIPAL_NOT_ALLOWED`.
 */
export function checkAllowedPrincipal<TAllowed extends keyof BackstagePrincipalTypes>(
  credentials: BackstageCredentials,
  allow: readonly TAllowed[] | undefined,
  pluginId: string,
): BackstageCredentials<BackstagePrincipalTypes[TAllowed]> {
  const type = (credentials.principal as { type?: string }).type ?? 'unknown';
  if (allow !== undefined && !(allow as readonly string[]).includes(type)) {
    if (type === 'none') {
      throw new HttpAuthServiceError('HAUTH_MISSING_CREDENTIALS', { pluginId });
    }
    throw new HttpAuthServiceError('HAUTH_PRINCIPAL_NOT_ALLOWED', {
      pluginId,
      principalType: type,
    });
  }
  // The allow list was checked above, which is what the narrowed type promises.
  return credentials as BackstageCredentials<BackstagePrincipalTypes[TAllowed]>;
}
