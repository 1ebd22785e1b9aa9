import type {
  BackstageCredentials,
  BackstageUserInfo,
  DiscoveryService,
  UserInfoService,
} from '@openstage/spec';
import { UserInfoCache } from './UserInfoCache.js';
import { UserInfoServiceError } from './UserInfoServiceError.js';

/** Options of {@link DefaultUserInfoService}. */
export interface DefaultUserInfoServiceOptions {
  discovery: DiscoveryService;
  /** Shared between plugins by the factory's root context; a private one by default. */
  cache?: UserInfoCache;
}

function decodePayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (part === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The default `userInfo` service (`core.userInfo`): ownership comes from the token's `ent`
 * claim, or else from the auth backend's `/v1/userinfo` endpoint (UINFO-010 to UINFO-020). The
 * token was verified by the `auth` service that made the credentials, so it is only decoded.
 */
export class DefaultUserInfoService implements UserInfoService {
  readonly #discovery: DiscoveryService;
  readonly #cache: UserInfoCache;

  constructor(options: DefaultUserInfoServiceOptions) {
    this.#discovery = options.discovery;
    this.#cache = options.cache ?? new UserInfoCache();
  }

  getUserInfo = async (credentials: BackstageCredentials): Promise<BackstageUserInfo> => {
    const principal = credentials.principal as
      { type?: unknown; userEntityRef?: unknown } | undefined;
    if (principal?.type !== 'user' || typeof principal.userEntityRef !== 'string') {
      throw new UserInfoServiceError('UINFO_NOT_USER', { received: String(principal?.type) });
    }
    const token = (credentials as { token?: unknown }).token;
    if (typeof token !== 'string' || token === '') {
      throw new UserInfoServiceError('UINFO_MISSING_TOKEN', {});
    }
    const cached = this.#cache.get(token);
    if (cached !== undefined) return cached;

    const payload = decodePayload(token);
    if (typeof payload?.sub !== 'string') {
      throw new UserInfoServiceError('UINFO_INVALID_SUBJECT', {});
    }
    const ownership = payload.ent ?? (await this.#lookUpOwnership(token));
    if (ownership === undefined || ownership === null) {
      throw new UserInfoServiceError('UINFO_OWNERSHIP_UNRESOLVED', {
        userEntityRef: principal.userEntityRef,
      });
    }
    if (!Array.isArray(ownership) || ownership.some((ref) => typeof ref !== 'string')) {
      throw new UserInfoServiceError('UINFO_OWNERSHIP_INVALID', {
        userEntityRef: principal.userEntityRef,
      });
    }
    const info: BackstageUserInfo = {
      userEntityRef: principal.userEntityRef,
      ownershipEntityRefs: ownership as string[],
    };
    this.#cache.set(token, info, credentials.expiresAt);
    return info;
  };

  async #lookUpOwnership(token: string): Promise<unknown> {
    const url = `${await this.#discovery.getBaseUrl('auth')}/v1/userinfo`;
    let response: Response;
    try {
      response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    } catch (error) {
      throw new UserInfoServiceError('UINFO_LOOKUP_FAILED', { url }, { cause: error });
    }
    if (!response.ok) {
      const body = await response.text().catch(() => '');
      throw new UserInfoServiceError('UINFO_LOOKUP_FAILED', {
        url,
        statusCode: response.status,
        body,
      });
    }
    const answer = (await response.json().catch(() => undefined)) as
      { claims?: { ent?: unknown } } | undefined;
    return answer?.claims?.ent;
  }
}
