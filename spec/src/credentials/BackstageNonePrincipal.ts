/**
 * The principal of an unauthenticated request.
 *
 * **When to use**: after narrowing credentials with `auth.isPrincipal(credentials, 'none')`, and
 * from `auth.getNoneCredentials()`.
 *
 * @requirement FEAT-109
 * @see {@link BackstagePrincipalTypes}
 * @category credentials
 * @since 0.1.0
 */
export type BackstageNonePrincipal = {
  /** The principal type. */
  type: 'none';
};
