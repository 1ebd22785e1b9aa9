import type { BackstagePrincipalTypes } from '../../credentials/BackstagePrincipalTypes.js';

/**
 * Options of `HttpAuthService.credentials`.
 *
 * **When to use**: to restrict which kinds of caller an endpoint accepts, or to accept the
 * limited credentials of the auth cookie.
 *
 * @requirement HAUTH-012
 * @requirement HAUTH-013
 * @requirement HAUTH-014
 * @requirement HAUTH-015
 * @requirement HAUTH-018
 * @requirement HAUTH-019
 * @requirement HAUTH-020
 * @requirement HAUTH-021
 * @see {@link HttpAuthService}
 * @category services
 * @since 0.1.0
 */
export interface HttpAuthServiceCredentialsOptions<
  TAllowed extends keyof BackstagePrincipalTypes = 'unknown',
> {
  /** The principal types accepted; credentials of another type are refused. */
  allow?: Array<TAllowed>;
  /** Accept limited access credentials, such as the auth cookie. */
  allowLimitedAccess?: boolean;
}
