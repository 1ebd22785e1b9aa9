import { loadJose } from '../loadJose.js';
import type { DiscoveryService } from '@openstage/spec';
import { AuthServiceError } from '../AuthServiceError.js';
import type { TokenParts } from '../decodeTokenParts.js';
import type { RemoteKeySets } from '../RemoteKeySets.js';
import { tokenTypes } from '../tokenTypes.js';
import { toTokenError } from '../toTokenError.js';
import type { PluginKeyStore } from './keys/PluginKeyStore.js';

/** Where a plugin publishes its public keys, relative to its base URL (AUTH-091). */
export const PLUGIN_JWKS_PATH = '/.backstage/auth/v1/jwks.json';

/** Lifetime of a plugin token (AUTH-074). */
const TOKEN_LIFETIME_SECONDS = 3600;

const PLUGIN_ID_PATTERN = /^[a-z0-9_-]+$/i;

/** What a verified plugin token says. */
export interface PluginTokenResult {
  /** The issuing plugin id (the `sub` claim). */
  issuer: string;
  /** The limited user token of the `obo` claim, when the call is on behalf of a user. */
  oboToken?: string;
  /** The `exp` claim, in seconds. */
  exp: number;
}

/** Options of {@link PluginTokenHandler}. */
export interface PluginTokenHandlerOptions {
  pluginId: string;
  keyStore: PluginKeyStore;
  discovery: DiscoveryService;
  keySets: RemoteKeySets;
  clockToleranceSeconds?: number;
  now?: () => number;
}

/**
 * Issues and verifies plugin tokens: ES256 (or the static key's algorithm) JWS with
 * `typ: vnd.backstage.plugin` and claims `sub` (issuer plugin), `aud` (target plugin), `iat`,
 * `exp` and, on behalf of a user, `obo` (AUTH-070 to AUTH-099).
 */
export class PluginTokenHandler {
  readonly #pluginId: string;
  readonly #keyStore: PluginKeyStore;
  readonly #discovery: DiscoveryService;
  readonly #keySets: RemoteKeySets;
  readonly #clockTolerance: number;
  readonly #now: () => number;

  constructor(options: PluginTokenHandlerOptions) {
    this.#pluginId = options.pluginId;
    this.#keyStore = options.keyStore;
    this.#discovery = options.discovery;
    this.#keySets = options.keySets;
    this.#clockTolerance = options.clockToleranceSeconds ?? 0;
    this.#now = options.now ?? Date.now;
  }

  /** Issues a token for one request to `targetPluginId`. */
  async issueToken(options: {
    targetPluginId: string;
    onBehalfOf?: { token: string; expiresAt: Date };
  }): Promise<{ token: string }> {
    const key = await this.#keyStore.getSigningKey();
    const iat = Math.floor(this.#now() / 1000);
    let exp = iat + TOKEN_LIFETIME_SECONDS;
    const claims: Record<string, unknown> = {
      sub: this.#pluginId,
      aud: options.targetPluginId,
      iat,
    };
    if (options.onBehalfOf !== undefined) {
      exp = Math.min(exp, Math.floor(options.onBehalfOf.expiresAt.getTime() / 1000));
      claims.exp = exp;
      claims.obo = options.onBehalfOf.token;
    } else {
      claims.exp = exp;
    }
    const { SignJWT } = await loadJose();
    const token = await new SignJWT(claims)
      .setProtectedHeader({ typ: tokenTypes.plugin, alg: key.alg, kid: key.kid })
      .sign(key.key);
    return { token };
  }

  /**
   * Verifies a token whose `typ` says it is a plugin token; callers route by `typ` first
   * (AUTH-040, AUTH-044), so every failure here is final (AUTH-045).
   */
  async verifyToken(token: string, parts: TokenParts): Promise<PluginTokenResult> {
    const sub = parts.payload.sub;
    if (typeof sub !== 'string' || !PLUGIN_ID_PATTERN.test(sub)) {
      throw new AuthServiceError(
        'AUTH_TOKEN_SUBJECT_INVALID',
        typeof sub === 'string' ? { subject: sub.slice(0, 100) } : {},
      );
    }
    const culprit = { tokenKind: 'plugin token', pluginId: sub } as const;
    let url: string;
    try {
      url = `${await this.#discovery.getBaseUrl(sub)}${PLUGIN_JWKS_PATH}`;
    } catch (error) {
      throw new AuthServiceError(
        'AUTH_TOKEN_UNKNOWN_ISSUER',
        { ...culprit, reason: `discovery could not resolve plugin '${sub}'` },
        { cause: error },
      );
    }
    let payload: Record<string, unknown>;
    try {
      const { jwtVerify } = await loadJose();
      ({ payload } = await jwtVerify(token, this.#keySets.resolverFor(url), {
        typ: tokenTypes.plugin,
        audience: this.#pluginId,
        requiredClaims: ['iat', 'exp', 'sub', 'aud'],
        clockTolerance: this.#clockTolerance,
        currentDate: new Date(this.#now()),
      }));
    } catch (error) {
      throw toTokenError(error, culprit);
    }
    const obo = payload.obo;
    if (obo !== undefined && (typeof obo !== 'string' || obo === '')) {
      throw new AuthServiceError('AUTH_OBO_TOKEN_INVALID', { pluginId: sub });
    }
    return {
      issuer: sub,
      exp: payload.exp as number,
      ...(obo === undefined ? {} : { oboToken: obo }),
    };
  }
}
