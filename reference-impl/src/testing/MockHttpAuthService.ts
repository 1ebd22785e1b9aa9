import type {
  AuthService,
  BackstageCredentials,
  BackstagePrincipalTypes,
  BackstageUserPrincipal,
  HttpAuthService,
  HttpAuthServiceCredentialsOptions,
  HttpAuthServiceIssueUserCookieOptions,
  HttpRequest,
  HttpResponse,
} from '@openstage/spec';
import {
  checkAllowedPrincipal,
  readBearerToken,
  readCookieToken,
} from '../services/httpAuth/index.js';
import { MockAuthService } from './MockAuthService.js';
import { MOCK_TOKENS, MOCK_USER_COOKIE, mockCredentials } from './mockCredentials.js';

/** Options of {@link MockHttpAuthService}. */
export interface MockHttpAuthServiceOptions {
  pluginId: string;
  /** Returned for a request without a token (TEST-171). */
  defaultCredentials: BackstageCredentials;
  /** Verifies bearer tokens; defaults to a mock auth service of the same plugin (TEST-173). */
  auth?: AuthService;
}

interface CookieResponse extends HttpResponse {
  req?: HttpRequest;
  getHeader?(name: string): number | string | string[] | undefined;
  setHeader?(name: string, value: string | string[]): unknown;
}

/**
 * The mock `httpAuth` service (TEST-171 to TEST-176): a request without a token gets the default
 * credentials, `Bearer mock-none-token` gets `none`, and every other token goes to the mock
 * auth service, so an invalid one fails with 401.
 */
export class MockHttpAuthService implements HttpAuthService {
  readonly #pluginId: string;
  readonly #defaultCredentials: BackstageCredentials;
  readonly #auth: AuthService;

  constructor(options: MockHttpAuthServiceOptions) {
    this.#pluginId = options.pluginId;
    this.#defaultCredentials = options.defaultCredentials;
    this.#auth =
      options.auth ??
      new MockAuthService({ pluginId: options.pluginId, disableDefaultAuthPolicy: false });
  }

  credentials: HttpAuthService['credentials'] = async <
    TAllowed extends keyof BackstagePrincipalTypes = 'unknown',
  >(
    req: HttpRequest,
    options?: HttpAuthServiceCredentialsOptions<TAllowed>,
  ): Promise<BackstageCredentials<BackstagePrincipalTypes[TAllowed]>> => {
    const credentials = await this.#extract(req, options?.allowLimitedAccess === true);
    // TEST-175: the allow list is applied by the same check the default httpAuth service uses.
    return checkAllowedPrincipal(credentials, options?.allow, this.#pluginId);
  };

  issueUserCookie: HttpAuthService['issueUserCookie'] = async (
    res: HttpResponse,
    options?: HttpAuthServiceIssueUserCookieOptions,
  ): Promise<{ expiresAt: Date }> => {
    const response = res as CookieResponse;
    const credentials =
      options?.credentials ??
      (response.req === undefined
        ? this.#defaultCredentials
        : await this.credentials(response.req, { allow: ['user'] }));
    const { token, expiresAt } = await this.#auth.getLimitedUserToken(
      credentials as BackstageCredentials<BackstageUserPrincipal>,
    );
    // TEST-176: the header carries the limited user token as is.
    response.setHeader?.('Set-Cookie', `${MOCK_USER_COOKIE}=${token}`);
    return { expiresAt };
  };

  async #extract(req: HttpRequest, allowLimitedAccess: boolean): Promise<BackstageCredentials> {
    const token = readBearerToken(req);
    if (token === undefined) {
      const cookie = allowLimitedAccess ? readCookieToken(req) : undefined;
      if (cookie === undefined) return this.#defaultCredentials;
      return this.#auth.authenticate(cookie, { allowLimitedAccess: true });
    }
    if (token === MOCK_TOKENS.none) return mockCredentials.none();
    return this.#auth.authenticate(
      token,
      allowLimitedAccess ? { allowLimitedAccess: true } : undefined,
    );
  }
}
