import type { BackstagePrincipalAccessRestrictions } from './BackstagePrincipalAccessRestrictions.js';

/**
 * A principal that is a service: another plugin, or an external caller with an access token.
 *
 * **When to use**: after narrowing credentials with `auth.isPrincipal(credentials, 'service')`.
 *
 * @requirement FEAT-109
 * @requirement FEAT-111
 * @see {@link BackstagePrincipalTypes}
 * @category credentials
 * @since 0.1.0
 */
export type BackstageServicePrincipal = {
  /** The principal type. */
  type: 'service';
  /**
   * Names the service, for example `plugin:catalog` or `external:ci`. Informational only: code
   * must not branch on it.
   */
  subject: string;
  /** Limits on what the service may do; absent means no limits at the framework level. */
  accessRestrictions?: BackstagePrincipalAccessRestrictions;
};
