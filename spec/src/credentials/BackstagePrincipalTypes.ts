import type { BackstageNonePrincipal } from './BackstageNonePrincipal.js';
import type { BackstageServicePrincipal } from './BackstageServicePrincipal.js';
import type { BackstageUserPrincipal } from './BackstageUserPrincipal.js';

/**
 * Maps each principal type name to its principal shape; `unknown` stands for any principal.
 *
 * **When to use**: as the key set of `auth.isPrincipal(credentials, type)` and of the `allow`
 * option of `httpAuth.credentials`.
 *
 * @requirement FEAT-109
 * @requirement AUTH-023
 * @requirement AUTH-024
 * @see {@link BackstageCredentials}
 * @category credentials
 * @since 0.1.0
 */
export type BackstagePrincipalTypes = {
  /** A signed-in user. */
  user: BackstageUserPrincipal;
  /** A plugin or an external service. */
  service: BackstageServicePrincipal;
  /** An unauthenticated caller. */
  none: BackstageNonePrincipal;
  /** Any principal. */
  unknown: unknown;
};
