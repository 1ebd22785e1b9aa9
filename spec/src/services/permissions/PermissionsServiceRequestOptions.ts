import type { BackstageCredentials } from '../../credentials/BackstageCredentials.js';

/**
 * Options of the `permissions` service's checks.
 *
 * **When to use**: pass the credentials of the caller whose action is being authorized.
 *
 * @see {@link PermissionsService}
 * @category services
 * @since 0.1.0
 */
export interface PermissionsServiceRequestOptions {
  /** The credentials of the principal whose action is checked. */
  credentials: BackstageCredentials;
}
