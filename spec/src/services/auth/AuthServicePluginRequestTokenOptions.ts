import type { BackstageCredentials } from '../../credentials/BackstageCredentials.js';

/**
 * Options of `AuthService.getPluginRequestToken`.
 *
 * **When to use**: when calling another plugin, either as the plugin itself (pass
 * `getOwnServiceCredentials()`) or on behalf of the caller of the current request (pass the
 * credentials from `httpAuth.credentials(req)`).
 *
 * @requirement AUTH-028
 * @requirement AUTH-033
 * @requirement AUTH-034
 * @see {@link AuthService}
 * @category services
 * @since 0.1.0
 */
export interface AuthServicePluginRequestTokenOptions {
  /** The credentials of the originator of the request. */
  onBehalfOf: BackstageCredentials;
  /** The id of the plugin that will receive the request. */
  targetPluginId: string;
}
