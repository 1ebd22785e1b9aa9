import type { BackstageCredentials } from '../../credentials/BackstageCredentials.js';
import type { BackstagePrincipalTypes } from '../../credentials/BackstagePrincipalTypes.js';
import type { HttpRequest } from '../../http/HttpRequest.js';
import type { HttpResponse } from '../../http/HttpResponse.js';
import type { HttpAuthServiceCredentialsOptions } from './HttpAuthServiceCredentialsOptions.js';
import type { HttpAuthServiceIssueUserCookieOptions } from './HttpAuthServiceIssueUserCookieOptions.js';

/**
 * The `httpAuth` service (`core.httpAuth`, plugin scope): the credentials of incoming HTTP
 * requests.
 *
 * **When to use**: in route handlers, to learn who made the request, and to issue the auth
 * cookie for browser access to static content.
 *
 * **Details**: `credentials` returns credentials that already passed the auth policies of the
 * route. Both members take the HTTP framework's own request or response object; they are typed
 * through method signatures so that express's types and {@link HttpRequest} are accepted in both
 * directions (see {@link HttpRequestHandler}). Same members as Backstage's `HttpAuthService`.
 *
 * @requirement HAUTH-001
 * @see {@link AuthService}
 * @see {@link HttpRouterServiceAuthPolicy}
 * @category services
 * @since 0.1.0
 */
export interface HttpAuthService {
  /**
   * The credentials of the caller of `req`; rejects when they are missing or not among `allow`.
   *
   * @requirement HAUTH-002
   * @requirement HAUTH-016
   * @requirement HAUTH-017
   * @requirement HAUTH-018
   * @requirement HAUTH-019
   * @requirement HAUTH-020
   * @requirement HAUTH-021
   * @requirement HAUTH-022
   */
  credentials: {
    credentials<TAllowed extends keyof BackstagePrincipalTypes = 'unknown'>(
      req: HttpRequest,
      options?: HttpAuthServiceCredentialsOptions<TAllowed>,
    ): Promise<BackstageCredentials<BackstagePrincipalTypes[TAllowed]>>;
  }['credentials'];
  /**
   * Sets the auth cookie on `res` for the user credentials of the request, and resolves to its
   * expiry. Must be called before any body is written.
   *
   * @requirement HAUTH-003
   * @requirement HAUTH-030
   * @requirement HAUTH-031
   * @requirement HAUTH-032
   * @requirement HAUTH-033
   * @requirement HAUTH-034
   * @requirement HAUTH-035
   * @requirement HAUTH-036
   * @requirement HAUTH-037
   * @requirement HAUTH-038
   * @requirement HAUTH-039
   * @requirement HAUTH-040
   * @requirement HAUTH-041
   * @requirement HAUTH-042
   * @requirement HAUTH-043
   * @requirement HAUTH-044
   * @requirement HAUTH-045
   * @requirement HAUTH-046
   */
  issueUserCookie: {
    issueUserCookie(
      res: HttpResponse,
      options?: HttpAuthServiceIssueUserCookieOptions,
    ): Promise<{ expiresAt: Date }>;
  }['issueUserCookie'];
}
