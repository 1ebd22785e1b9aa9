import type {
  AuthService,
  BackstageCredentials,
  BackstagePrincipalTypes,
  BackstageUserPrincipal,
  DiscoveryService,
  HttpAuthService,
  HttpAuthServiceCredentialsOptions,
  HttpAuthServiceIssueUserCookieOptions,
  HttpRequest,
  HttpResponse,
} from '@openstage/spec';
import { checkAllowedPrincipal } from './checkAllowedPrincipal.js';
import { HttpAuthServiceError } from './HttpAuthServiceError.js';
import { readBearerToken, readCookieToken } from './readRequestTokens.js';
import { serializeUserCookie, userCookieAttributes } from './serializeUserCookie.js';

/** A cookie whose token expires later than this is left as it is (HAUTH-045). */
const REISSUE_WINDOW_MS = 5 * 60_000;

/** The response members cookie issuing needs; express and plain node responses have them. */
interface CookieResponse extends HttpResponse {
  req?: HttpRequest;
  getHeader(name: string): number | string | string[] | undefined;
  setHeader(name: string, value: string | string[]): unknown;
}

/** Options of {@link DefaultHttpAuthService}. */
export interface DefaultHttpAuthServiceOptions {
  auth: AuthService;
  discovery: DiscoveryService;
  pluginId: string;
  /** Replaces the bearer header reading of HAUTH-010 (HAUTH-025). */
  getTokenFromRequest?: (req: HttpRequest) => string | undefined;
  /** Injected for tests; defaults to `Date.now`. */
  now?: () => number;
}

interface RequestCache {
  full?: Promise<BackstageCredentials>;
  limited?: Promise<BackstageCredentials>;
}

/**
 * The default `httpAuth` service (`core.httpAuth`). Credentials are remembered per request
 * object and per `allowLimitedAccess` setting in a WeakMap, so the credentials barrier and the
 * route handler share one verification and nothing outlives the request (HAUTH-022 to
 * HAUTH-024).
 */
export class DefaultHttpAuthService implements HttpAuthService {
  readonly #auth: AuthService;
  readonly #discovery: DiscoveryService;
  readonly #pluginId: string;
  readonly #getToken: (req: HttpRequest) => string | undefined;
  readonly #now: () => number;
  readonly #requests = new WeakMap<HttpRequest, RequestCache>();

  constructor(options: DefaultHttpAuthServiceOptions) {
    this.#auth = options.auth;
    this.#discovery = options.discovery;
    this.#pluginId = options.pluginId;
    this.#getToken = options.getTokenFromRequest ?? readBearerToken;
    this.#now = options.now ?? Date.now;
  }

  credentials: HttpAuthService['credentials'] = async <
    TAllowed extends keyof BackstagePrincipalTypes = 'unknown',
  >(
    req: HttpRequest,
    options?: HttpAuthServiceCredentialsOptions<TAllowed>,
  ): Promise<BackstageCredentials<BackstagePrincipalTypes[TAllowed]>> => {
    const credentials = await this.#extract(req, options?.allowLimitedAccess === true);
    return checkAllowedPrincipal(credentials, options?.allow, this.#pluginId);
  };

  issueUserCookie: HttpAuthService['issueUserCookie'] = async (
    res: HttpResponse,
    options?: HttpAuthServiceIssueUserCookieOptions,
  ): Promise<{ expiresAt: Date }> => {
    if (res.headersSent) {
      throw new HttpAuthServiceError('HAUTH_HEADERS_SENT', { pluginId: this.#pluginId });
    }
    const response = res as CookieResponse;
    if (typeof response.setHeader !== 'function' || typeof response.getHeader !== 'function') {
      throw new TypeError(
        'issueUserCookie needs a node or express response with getHeader and setHeader',
      );
    }
    const req = response.req;
    let credentials = options?.credentials;
    if (credentials === undefined) {
      if (req === undefined) {
        throw new TypeError(
          'issueUserCookie needs options.credentials when the response has no req',
        );
      }
      credentials = await this.credentials(req, { allow: ['user'] });
    }
    const type = (credentials.principal as { type: string }).type;
    const attributes = userCookieAttributes(
      await this.#discovery.getExternalBaseUrl(this.#pluginId),
    );
    if (type === 'none') {
      appendSetCookie(response, serializeUserCookie('', new Date(0), attributes));
      return { expiresAt: new Date(this.#now()) };
    }
    if (type !== 'user') {
      throw new HttpAuthServiceError('HAUTH_COOKIE_NON_USER', {
        pluginId: this.#pluginId,
        principalType: type,
      });
    }
    const existing = req === undefined ? undefined : await this.#existingCookieExpiry(req);
    if (existing !== undefined && existing.getTime() - this.#now() > REISSUE_WINDOW_MS) {
      return { expiresAt: existing };
    }
    const { token, expiresAt } = await this.#auth.getLimitedUserToken(
      credentials as BackstageCredentials<BackstageUserPrincipal>,
    );
    appendSetCookie(response, serializeUserCookie(token, expiresAt, attributes));
    return { expiresAt };
  };

  #extract(req: HttpRequest, allowLimitedAccess: boolean): Promise<BackstageCredentials> {
    let cache = this.#requests.get(req);
    if (cache === undefined) {
      cache = {};
      this.#requests.set(req, cache);
    }
    const key = allowLimitedAccess ? 'limited' : 'full';
    const cached = cache[key];
    if (cached !== undefined) return cached;
    const token = this.#getToken(req) ?? (allowLimitedAccess ? readCookieToken(req) : undefined);
    const promise =
      token === undefined
        ? this.#auth.getNoneCredentials()
        : this.#auth.authenticate(
            token,
            allowLimitedAccess ? { allowLimitedAccess: true } : undefined,
          );
    cache[key] = promise;
    return promise;
  }

  async #existingCookieExpiry(req: HttpRequest): Promise<Date | undefined> {
    const token = readCookieToken(req);
    if (token === undefined) return undefined;
    try {
      const credentials = await this.#auth.authenticate(token, { allowLimitedAccess: true });
      return this.#auth.isPrincipal(credentials, 'user') ? credentials.expiresAt : undefined;
    } catch (error) {
      // A cookie that no longer authenticates is simply replaced (HAUTH-046).
      if ((error as { name?: unknown } | undefined)?.name === 'AuthenticationError')
        return undefined;
      throw error;
    }
  }
}

function appendSetCookie(res: CookieResponse, cookie: string): void {
  const current = res.getHeader('set-cookie');
  const list = current === undefined ? [] : Array.isArray(current) ? current : [String(current)];
  res.setHeader('set-cookie', [...list, cookie]);
}
