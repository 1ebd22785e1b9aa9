import type { BackstageCredentials } from '../../credentials/BackstageCredentials.js';

/**
 * Options of `HttpAuthService.issueUserCookie`.
 *
 * **When to use**: to issue the cookie for credentials other than those of the request that the
 * response belongs to.
 *
 * @requirement HAUTH-031
 * @requirement HAUTH-034
 * @requirement HAUTH-035
 * @requirement HAUTH-036
 * @see {@link HttpAuthService}
 * @category services
 * @since 0.1.0
 */
export interface HttpAuthServiceIssueUserCookieOptions {
  /** User credentials to issue the cookie for, or `none` credentials to remove the cookie. */
  credentials?: BackstageCredentials;
}
