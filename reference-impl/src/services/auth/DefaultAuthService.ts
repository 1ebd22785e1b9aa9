import type {
  AuthService,
  AuthServiceAuthenticateOptions,
  AuthServicePluginRequestTokenOptions,
  BackstageCredentials,
  BackstageNonePrincipal,
  BackstagePrincipalAccessRestrictions,
  BackstagePrincipalTypes,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  DiscoveryService,
  JsonObject,
} from '@openstage/spec';
import { AuthServiceError } from './AuthServiceError.js';
import { createCredentials } from './createCredentials.js';
import { decodeTokenParts } from './decodeTokenParts.js';
import type { ExternalAccessEntry } from './external/readExternalAccess.js';
import { ExternalTokenVerifier } from './external/ExternalTokenVerifier.js';
import type { PluginKeyStore } from './plugin/keys/PluginKeyStore.js';
import { PluginTokenHandler } from './plugin/PluginTokenHandler.js';
import { readCredentials } from './readCredentials.js';
import type { RemoteKeySets } from './RemoteKeySets.js';
import { tokenTypes } from './tokenTypes.js';
import { UserTokenHandler } from './user/UserTokenHandler.js';
import { VerificationCache, type VerificationCacheOptions } from './VerificationCache.js';

/** A verified token, as remembered by the verification cache. */
type Verified =
  | {
      kind: 'user';
      userEntityRef: string;
      token: string;
      exp: number;
      isLimited: boolean;
      actor?: string;
    }
  | { kind: 'service'; subject: string; accessRestrictions?: BackstagePrincipalAccessRestrictions };

/** Options of {@link DefaultAuthService}. */
export interface DefaultAuthServiceOptions {
  /** The plugin this instance is built for. */
  pluginId: string;
  discovery: DiscoveryService;
  keyStore: PluginKeyStore;
  /** Shared by every plugin of the backend, so a key set is fetched once per backend. */
  keySets: RemoteKeySets;
  /** Validated external access entries, shared by every plugin of the backend. */
  externalAccess?: readonly ExternalAccessEntry[];
  /** `backend.auth.dangerouslyDisableDefaultAuthPolicy` (AUTH-079). */
  disableDefaultAuthPolicy?: boolean;
  /** Allowed difference between clocks when checking `exp` (AUTH-052). Default 0. */
  clockToleranceSeconds?: number;
  /** Options of the per-plugin verification cache; `maxEntries: 0` turns it off. */
  cache?: VerificationCacheOptions;
  /** Injected for tests; defaults to `Date.now`. */
  now?: () => number;
}

/**
 * The default `auth` service (`core.auth`): plugin tokens signed with this plugin's keys, user
 * tokens verified with the auth backend's keys, and external access tokens from configuration.
 * Successful verifications are cached per token, so a token seen again costs a map look-up.
 */
export class DefaultAuthService implements AuthService {
  readonly #pluginId: string;
  readonly #keyStore: PluginKeyStore;
  readonly #pluginTokens: PluginTokenHandler;
  readonly #userTokens: UserTokenHandler;
  readonly #external: ExternalTokenVerifier;
  readonly #disableDefaultAuthPolicy: boolean;
  readonly #cache: VerificationCache<Verified>;

  constructor(options: DefaultAuthServiceOptions) {
    const now = options.now ?? Date.now;
    const clockToleranceSeconds = options.clockToleranceSeconds ?? 0;
    this.#pluginId = options.pluginId;
    this.#keyStore = options.keyStore;
    this.#pluginTokens = new PluginTokenHandler({
      pluginId: options.pluginId,
      keyStore: options.keyStore,
      discovery: options.discovery,
      keySets: options.keySets,
      clockToleranceSeconds,
      now,
    });
    this.#userTokens = new UserTokenHandler({
      discovery: options.discovery,
      keySets: options.keySets,
      clockToleranceSeconds,
      now,
    });
    this.#external = new ExternalTokenVerifier(options.externalAccess ?? [], options.pluginId);
    this.#disableDefaultAuthPolicy = options.disableDefaultAuthPolicy ?? false;
    this.#cache = new VerificationCache({ now, ...options.cache });
  }

  authenticate = async (
    token: string,
    options?: AuthServiceAuthenticateOptions,
  ): Promise<BackstageCredentials> => {
    if (typeof token !== 'string' || token === '') {
      throw new AuthServiceError('AUTH_INVALID_TOKEN', {
        pluginId: this.#pluginId,
        problem: 'the token is empty',
      });
    }
    const verified = this.#cache.get(token) ?? (await this.#verify(token));
    return this.#toCredentials(verified, options?.allowLimitedAccess === true);
  };

  isPrincipal = <TType extends keyof BackstagePrincipalTypes>(
    credentials: BackstageCredentials,
    type: TType,
  ): credentials is BackstageCredentials<BackstagePrincipalTypes[TType]> => {
    if (type === 'unknown') return true;
    const principal = (credentials as { principal?: { type?: unknown } } | undefined)?.principal;
    return principal?.type === type;
  };

  getNoneCredentials = async (): Promise<BackstageCredentials<BackstageNonePrincipal>> =>
    createCredentials<BackstageNonePrincipal>({ type: 'none' });

  getOwnServiceCredentials = async (): Promise<BackstageCredentials<BackstageServicePrincipal>> =>
    createCredentials<BackstageServicePrincipal>({
      type: 'service',
      subject: `plugin:${this.#pluginId}`,
    });

  getPluginRequestToken = async (
    options: AuthServicePluginRequestTokenOptions,
  ): Promise<{ token: string }> => {
    const { principal, token } = readCredentials(options.onBehalfOf);
    switch (principal.type) {
      case 'service':
        return this.#pluginTokens.issueToken({ targetPluginId: options.targetPluginId });
      case 'user': {
        if (token === undefined) throw this.#withoutToken();
        const limited = this.#limitedUserToken(token);
        return this.#pluginTokens.issueToken({
          targetPluginId: options.targetPluginId,
          onBehalfOf: limited,
        });
      }
      case 'none':
        if (this.#disableDefaultAuthPolicy) return { token: '' };
        throw new AuthServiceError('AUTH_NONE_TOKEN_REFUSED', {
          pluginId: this.#pluginId,
          targetPluginId: options.targetPluginId,
        });
      default:
        throw new AuthServiceError('AUTH_INVALID_CREDENTIALS', {
          field: 'principal.type',
          received: `'${principal.type}'`,
          expected: "'user', 'service' or 'none'",
        });
    }
  };

  getLimitedUserToken = async (
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<{ token: string; expiresAt: Date }> => {
    const { principal, token } = readCredentials(credentials);
    if (principal.type !== 'user') {
      throw new AuthServiceError('AUTH_LIMITED_TOKEN_UNSUPPORTED', {
        problem: `limited user tokens can only be created for user credentials, received '${principal.type}' credentials`,
      });
    }
    if (token === undefined) throw this.#withoutToken();
    return this.#limitedUserToken(token);
  };

  listPublicServiceKeys = async (): Promise<{ keys: JsonObject[] }> => ({
    keys: await this.#keyStore.listPublicKeys(),
  });

  #withoutToken(): AuthServiceError {
    return new AuthServiceError('AUTH_CREDENTIALS_WITHOUT_TOKEN', { pluginId: this.#pluginId });
  }

  #limitedUserToken(token: string): { token: string; expiresAt: Date } {
    const parts = decodeTokenParts(token);
    if (parts === undefined) {
      throw new AuthServiceError('AUTH_LIMITED_TOKEN_UNSUPPORTED', {
        problem: 'the user token is not a JWT',
      });
    }
    return this.#userTokens.createLimitedUserToken(token, parts);
  }

  async #verify(token: string): Promise<Verified> {
    const parts = decodeTokenParts(token);
    // Plugin tokens first, then user tokens, then external access (AUTH-044); a token that
    // claims to be a plugin or user token never falls through to external access (AUTH-045).
    if (parts !== undefined && parts.header.typ === tokenTypes.plugin) {
      const plugin = await this.#pluginTokens.verifyToken(token, parts);
      const actor = `plugin:${plugin.issuer}`;
      if (plugin.oboToken === undefined) {
        const verified: Verified = { kind: 'service', subject: actor };
        this.#cache.set(token, verified, plugin.exp * 1000);
        return verified;
      }
      const user = await this.#verifyObo(plugin.oboToken, plugin.issuer);
      // A limited token wrapped in a verified plugin token is accepted everywhere (AUTH-099).
      const verified: Verified = { ...user, isLimited: false, actor };
      this.#cache.set(token, verified, Math.min(plugin.exp, user.exp) * 1000);
      return verified;
    }
    if (parts !== undefined && UserTokenHandler.recognises(parts)) {
      const user = await this.#userTokens.verifyToken(token, parts);
      const verified: Verified = { kind: 'user', ...user, token };
      this.#cache.set(token, verified, user.exp * 1000);
      return verified;
    }
    const external = await this.#external.verifyToken(token);
    if (external === undefined) {
      throw new AuthServiceError('AUTH_INVALID_TOKEN', {
        pluginId: this.#pluginId,
        problem: 'it is neither a plugin nor a user token and matches no external access entry',
      });
    }
    const verified: Verified = { kind: 'service', ...external };
    const exp = parts?.payload.exp;
    this.#cache.set(token, verified, typeof exp === 'number' ? exp * 1000 : undefined);
    return verified;
  }

  async #verifyObo(oboToken: string, issuer: string) {
    const parts = decodeTokenParts(oboToken);
    const typ = parts?.header.typ;
    if (parts === undefined || (typ !== tokenTypes.user && typ !== tokenTypes.limitedUser)) {
      throw new AuthServiceError('AUTH_OBO_TOKEN_INVALID', { pluginId: issuer });
    }
    try {
      const user = await this.#userTokens.verifyToken(oboToken, parts);
      return {
        kind: 'user' as const,
        userEntityRef: user.userEntityRef,
        exp: user.exp,
        token: oboToken,
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AuthServiceError(
        'AUTH_OBO_TOKEN_INVALID',
        { pluginId: issuer, reason },
        { cause: error },
      );
    }
  }

  #toCredentials(verified: Verified, allowLimitedAccess: boolean): BackstageCredentials {
    if (verified.kind === 'service') {
      const principal: BackstageServicePrincipal = { type: 'service', subject: verified.subject };
      const restrictions = verified.accessRestrictions;
      if (restrictions !== undefined) {
        // A fresh copy per call: plugin code may mutate what it is given.
        principal.accessRestrictions = {
          ...(restrictions.permissionNames === undefined
            ? {}
            : { permissionNames: [...restrictions.permissionNames] }),
          ...(restrictions.permissionAttributes?.action === undefined
            ? {}
            : { permissionAttributes: { action: [...restrictions.permissionAttributes.action] } }),
        };
      }
      return createCredentials(principal);
    }
    if (verified.isLimited && !allowLimitedAccess) {
      throw new AuthServiceError('AUTH_LIMITED_TOKEN_NOT_ALLOWED', { pluginId: this.#pluginId });
    }
    const principal: BackstageUserPrincipal = {
      type: 'user',
      userEntityRef: verified.userEntityRef,
    };
    if (verified.actor !== undefined)
      principal.actor = { type: 'service', subject: verified.actor };
    return createCredentials(principal, verified.token, new Date(verified.exp * 1000));
  }
}
