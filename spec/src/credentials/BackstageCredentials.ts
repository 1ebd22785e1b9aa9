/**
 * Who made a request: an opaque credentials object holding a principal.
 *
 * **When to use**: pass it along. `httpAuth.credentials(req)` extracts it from an incoming
 * request, `auth.authenticate(token)` from a token, and `auth.getOwnServiceCredentials()` makes
 * one for the plugin itself. Narrow it with `auth.isPrincipal`.
 *
 * **Details**: the same shape as Backstage's `BackstageCredentials`, so credentials flow between
 * the two type systems. The principal is the originator of the request chain, which is not
 * always the immediate caller. At run time the object also carries `version: 'v1'` and a hidden
 * token; see {@link BackstageCredentialsWire}.
 *
 * @requirement FEAT-104
 * @requirement FEAT-105
 * @requirement FEAT-109
 * @see {@link BackstagePrincipalTypes}
 * @see {@link BackstageCredentialsWire}
 * @category credentials
 * @since 0.1.0
 */
export type BackstageCredentials<TPrincipal = unknown> = {
  /** The tag {@link CREDENTIALS_TYPE}. */
  $$type: '@backstage/BackstageCredentials';
  /** When the credentials stop being accepted, for credentials with a limited lifetime. */
  expiresAt?: Date;
  /** The originator of the request. */
  principal: TPrincipal;
};
