import type { BackstageServicePrincipal } from './BackstageServicePrincipal.js';

/**
 * A principal that is a signed-in user.
 *
 * **When to use**: after narrowing credentials with `auth.isPrincipal(credentials, 'user')`.
 *
 * **Details**: fetch ownership and other user details with the `userInfo` service.
 *
 * @requirement FEAT-109
 * @requirement FEAT-110
 * @see {@link BackstagePrincipalTypes}
 * @category credentials
 * @since 0.1.0
 */
export type BackstageUserPrincipal = {
  /** The principal type. */
  type: 'user';
  /** The full entity ref of the user, such as `user:default/jane`. */
  userEntityRef: string;
  /** The service that acted on the user's behalf, when a backend called with the user's identity. */
  actor?: BackstageServicePrincipal;
};
