/**
 * Options of `AuthService.authenticate`.
 *
 * **When to use**: to accept limited user tokens, such as those carried in the auth cookie.
 *
 * @see {@link AuthService}
 * @category services
 * @since 0.1.0
 */
export interface AuthServiceAuthenticateOptions {
  /** Accept limited access tokens; without it they are refused. */
  allowLimitedAccess?: boolean;
}
