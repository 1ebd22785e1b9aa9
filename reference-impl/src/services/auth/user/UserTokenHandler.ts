import { loadJose } from '../loadJose.js';
import type { DiscoveryService } from '@openstage/spec';
import type { JWTVerifyOptions } from 'jose';
import { AuthServiceError } from '../AuthServiceError.js';
import type { TokenParts } from '../decodeTokenParts.js';
import type { RemoteKeySets } from '../RemoteKeySets.js';
import { tokenTypes } from '../tokenTypes.js';
import { toTokenError } from '../toTokenError.js';

/** Where the auth backend publishes the keys of user tokens, relative to its base URL (AUTH-130). */
export const USER_JWKS_PATH = '/.well-known/jwks.json';

/** What a verified user or limited user token says. */
export interface UserTokenResult {
  userEntityRef: string;
  isLimited: boolean;
  /** The `exp` claim, in seconds. */
  exp: number;
}

/** Options of {@link UserTokenHandler}. */
export interface UserTokenHandlerOptions {
  discovery: DiscoveryService;
  keySets: RemoteKeySets;
  clockToleranceSeconds?: number;
  now?: () => number;
}

/**
 * Verifies user and limited user tokens against the auth backend's key set (AUTH-130 to
 * AUTH-134) and derives limited tokens from user tokens (AUTH-140 to AUTH-143).
 */
export class UserTokenHandler {
  readonly #discovery: DiscoveryService;
  readonly #keySets: RemoteKeySets;
  readonly #clockTolerance: number;
  readonly #now: () => number;

  constructor(options: UserTokenHandlerOptions) {
    this.#discovery = options.discovery;
    this.#keySets = options.keySets;
    this.#clockTolerance = options.clockToleranceSeconds ?? 0;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Whether the decoded token is a user token this handler should verify: a `typ` of user or
   * limited user (AUTH-041, AUTH-042), or an older token with `aud: backstage` (AUTH-043).
   */
  static recognises(parts: TokenParts): boolean {
    const { typ } = parts.header;
    if (typ === tokenTypes.user || typ === tokenTypes.limitedUser) return true;
    const { aud } = parts.payload;
    return (
      aud === tokenTypes.userAudience ||
      (Array.isArray(aud) && aud.includes(tokenTypes.userAudience))
    );
  }

  /** Verifies a token that {@link UserTokenHandler.recognises}; every failure is final (AUTH-045). */
  async verifyToken(token: string, parts: TokenParts): Promise<UserTokenResult> {
    const { typ } = parts.header;
    const isLimited = typ === tokenTypes.limitedUser;
    const tokenKind = isLimited ? 'limited user token' : 'user token';
    let url: string;
    try {
      url = `${await this.#discovery.getBaseUrl('auth')}${USER_JWKS_PATH}`;
    } catch (error) {
      throw new AuthServiceError(
        'AUTH_TOKEN_UNKNOWN_ISSUER',
        { tokenKind, pluginId: 'auth', reason: "discovery could not resolve plugin 'auth'" },
        { cause: error },
      );
    }
    const options: JWTVerifyOptions = {
      requiredClaims: ['iat', 'exp', 'sub'],
      clockTolerance: this.#clockTolerance,
      currentDate: new Date(this.#now()),
    };
    if (typ === tokenTypes.user || isLimited) {
      options.typ = typ;
    } else {
      options.audience = tokenTypes.userAudience;
    }
    let payload: Record<string, unknown>;
    try {
      const { jwtVerify } = await loadJose();
      ({ payload } = await jwtVerify(token, this.#keySets.resolverFor(url), options));
    } catch (error) {
      throw toTokenError(error, { tokenKind });
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') {
      throw new AuthServiceError('AUTH_TOKEN_CLAIMS_MISSING', {
        tokenKind,
        claim: 'sub',
        expected: 'a user entity ref',
      });
    }
    return { userEntityRef: payload.sub, isLimited, exp: payload.exp as number };
  }

  /**
   * Derives the limited user token of a user token (AUTH-140 to AUTH-143). The auth backend
   * signed the limited token's header and payload when it issued the user token and put that
   * signature in the `uip` claim, so the limited token is reassembled rather than signed here;
   * header and payload members must keep exactly this order for the signature to match.
   */
  createLimitedUserToken(token: string, parts: TokenParts): { token: string; expiresAt: Date } {
    const { header, payload } = parts;
    const expiresAt = new Date(Number(payload.exp) * 1000);
    const typ = header.typ;
    if (typ === undefined || typ === tokenTypes.limitedUser) return { token, expiresAt };
    if (typ !== tokenTypes.user) {
      throw new AuthServiceError('AUTH_LIMITED_TOKEN_UNSUPPORTED', {
        problem: `unsupported token type '${String(typ)}'`,
      });
    }
    if (typeof payload.uip !== 'string') return { token, expiresAt };
    const encode = (value: object) =>
      Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    const limited = [
      encode({ typ: tokenTypes.limitedUser, alg: header.alg, kid: header.kid }),
      encode({ sub: payload.sub, iat: payload.iat, exp: payload.exp }),
      payload.uip,
    ].join('.');
    return { token: limited, expiresAt };
  }
}
