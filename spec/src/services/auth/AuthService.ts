import type { BackstageCredentials } from '../../credentials/BackstageCredentials.js';
import type { BackstageNonePrincipal } from '../../credentials/BackstageNonePrincipal.js';
import type { BackstagePrincipalTypes } from '../../credentials/BackstagePrincipalTypes.js';
import type { BackstageServicePrincipal } from '../../credentials/BackstageServicePrincipal.js';
import type { BackstageUserPrincipal } from '../../credentials/BackstageUserPrincipal.js';
import type { JsonObject } from '../../json/JsonObject.js';
import type { AuthServiceAuthenticateOptions } from './AuthServiceAuthenticateOptions.js';
import type { AuthServicePluginRequestTokenOptions } from './AuthServicePluginRequestTokenOptions.js';

/**
 * The `auth` service (`core.auth`, plugin scope): turns tokens into credentials and credentials
 * into tokens.
 *
 * **When to use**: to authenticate a token that did not arrive through an HTTP request handled
 * by `httpAuth`, to issue a token for a call to another plugin, and to make credentials for the
 * plugin itself.
 *
 * **Details**: tokens issued for another plugin are short-lived; issue one right before each
 * request and do not keep it. Same members as Backstage's `AuthService`, as function-typed
 * properties.
 *
 * @requirement AUTH-020
 * @see {@link HttpAuthService}
 * @see {@link BackstageCredentials}
 * @category services
 * @since 0.1.0
 */
export interface AuthService {
  /**
   * Verifies `token` and returns the credentials it stands for; rejects invalid tokens.
   *
   * @requirement AUTH-021
   * @requirement AUTH-022
   */
  authenticate: (
    token: string,
    options?: AuthServiceAuthenticateOptions,
  ) => Promise<BackstageCredentials>;
  /**
   * Whether `credentials` hold a principal of `type`; narrows the type when it does.
   *
   * @requirement AUTH-023
   * @requirement AUTH-024
   */
  isPrincipal: <TType extends keyof BackstagePrincipalTypes>(
    credentials: BackstageCredentials,
    type: TType,
  ) => credentials is BackstageCredentials<BackstagePrincipalTypes[TType]>;
  /**
   * Credentials for an unauthenticated caller.
   *
   * @requirement AUTH-025
   */
  getNoneCredentials: () => Promise<BackstageCredentials<BackstageNonePrincipal>>;
  /**
   * Credentials that stand for the calling plugin itself, with subject `plugin:<pluginId>`.
   *
   * @requirement AUTH-026
   * @requirement AUTH-027
   */
  getOwnServiceCredentials: () => Promise<BackstageCredentials<BackstageServicePrincipal>>;
  /**
   * Issues a token for one request to another plugin.
   *
   * @requirement AUTH-028
   * @requirement AUTH-033
   */
  getPluginRequestToken: (
    options: AuthServicePluginRequestTokenOptions,
  ) => Promise<{ token: string }>;
  /**
   * Issues a limited user token, as used in cookies, for user credentials.
   *
   * @requirement AUTH-029
   * @requirement AUTH-030
   */
  getLimitedUserToken: (
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) => Promise<{ token: string; expiresAt: Date }>;
  /**
   * The public keys (as JWKs) of the keys this service signs tokens with.
   *
   * @requirement AUTH-031
   * @requirement AUTH-032
   */
  listPublicServiceKeys: () => Promise<{ keys: JsonObject[] }>;
}
