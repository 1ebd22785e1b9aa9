import type {
  AuthService,
  AuthServiceAuthenticateOptions,
  AuthServicePluginRequestTokenOptions,
  BackstageCredentials,
  BackstageNonePrincipal,
  BackstagePrincipalTypes,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  JsonObject,
} from '@openstage/spec';
import { MOCK_TOKENS, mockCredentials } from './mockCredentials.js';
import { InvalidEntityRefError, TestKitError } from './TestKitError.js';

/** Options of {@link MockAuthService}. */
export interface MockAuthServiceOptions {
  pluginId: string;
  disableDefaultAuthPolicy: boolean;
  /** Time source of `expiresAt`; defaults to `Date.now`. */
  now?: () => number;
}

const ONE_HOUR_MS = 60 * 60 * 1000;

/**
 * The mock auth service (TEST-151 to TEST-167): accepts exactly the tokens of
 * `mockCredentials` and issues tokens in the same format, with no keys and no network.
 */
export class MockAuthService implements AuthService {
  readonly #pluginId: string;
  readonly #disableDefaultAuthPolicy: boolean;
  readonly #now: () => number;

  constructor(options: MockAuthServiceOptions) {
    this.#pluginId = options.pluginId;
    this.#disableDefaultAuthPolicy = options.disableDefaultAuthPolicy;
    this.#now = options.now ?? Date.now;
  }

  async authenticate(
    token: string,
    options?: AuthServiceAuthenticateOptions,
  ): Promise<BackstageCredentials> {
    try {
      return this.#authenticate(token, options);
    } catch (error) {
      // A payload whose sub or obo is not an entity ref is a bad token, not a bad argument.
      if (error instanceof InvalidEntityRefError)
        throw this.#invalid('a mock token whose payload holds a malformed entity ref');
      throw error;
    }
  }

  #authenticate(token: string, options?: AuthServiceAuthenticateOptions): BackstageCredentials {
    if (typeof token !== 'string') throw this.#invalid('a token that is not a string');
    switch (token) {
      case MOCK_TOKENS.user:
        return mockCredentials.user();
      case MOCK_TOKENS.service:
        return mockCredentials.service();
      case '':
      case MOCK_TOKENS.invalidUser:
      case MOCK_TOKENS.invalidLimitedUser:
      case MOCK_TOKENS.invalidService:
        throw this.#invalid('an invalid mock token');
      default:
        break;
    }
    const separator = token.indexOf(':');
    const kind = separator < 0 ? token : token.slice(0, separator);
    if (
      separator < 0 ||
      ![MOCK_TOKENS.user, MOCK_TOKENS.limitedUser, MOCK_TOKENS.service].includes(kind as never)
    ) {
      throw this.#invalid('a token that is not a mock token');
    }
    const payload = this.#payload(token.slice(separator + 1));
    if (kind === MOCK_TOKENS.user) return mockCredentials.user(this.#field(payload, 'sub'));
    if (kind === MOCK_TOKENS.limitedUser) {
      if (options?.allowLimitedAccess !== true) {
        throw this.#invalid('a limited user token without allowLimitedAccess');
      }
      return mockCredentials.user(this.#field(payload, 'sub'));
    }
    const target = this.#field(payload, 'target');
    if (target !== undefined && target !== this.#pluginId) {
      throw new TestKitError('TEST_MOCK_TOKEN_WRONG_TARGET', {
        pluginId: this.#pluginId,
        targetPluginId: target,
      });
    }
    const obo = this.#field(payload, 'obo');
    if (obo !== undefined) return mockCredentials.user(obo);
    return mockCredentials.service(this.#field(payload, 'sub'));
  }

  isPrincipal<TType extends keyof BackstagePrincipalTypes>(
    credentials: BackstageCredentials,
    type: TType,
  ): credentials is BackstageCredentials<BackstagePrincipalTypes[TType]> {
    const principal = credentials.principal as { type?: unknown } | undefined;
    return type === 'unknown' || principal?.type === type;
  }

  async getNoneCredentials(): Promise<BackstageCredentials<BackstageNonePrincipal>> {
    return mockCredentials.none();
  }

  async getOwnServiceCredentials(): Promise<BackstageCredentials<BackstageServicePrincipal>> {
    return mockCredentials.service(`plugin:${this.#pluginId}`);
  }

  async getPluginRequestToken(
    options: AuthServicePluginRequestTokenOptions,
  ): Promise<{ token: string }> {
    const type = (options.onBehalfOf.principal as { type?: unknown } | undefined)?.type;
    if (type === 'none') {
      if (this.#disableDefaultAuthPolicy) return { token: '' };
      throw this.#invalid('a request for a plugin token on behalf of none credentials');
    }
    if (type !== 'user' && type !== 'service') {
      throw this.#invalid(
        `a request for a plugin token on behalf of '${String(type)}' credentials`,
      );
    }
    return { token: mockCredentials.service.token(options) };
  }

  async getLimitedUserToken(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<{ token: string; expiresAt: Date }> {
    const principal = credentials.principal as
      { type?: unknown; userEntityRef?: string } | undefined;
    if (principal?.type !== 'user' || principal.userEntityRef === undefined) {
      throw this.#invalid(
        `a request for a limited user token for '${String(principal?.type)}' credentials`,
      );
    }
    return {
      token: mockCredentials.limitedUser.token(principal.userEntityRef),
      expiresAt: new Date(this.#now() + ONE_HOUR_MS),
    };
  }

  async listPublicServiceKeys(): Promise<{ keys: JsonObject[] }> {
    return { keys: [] };
  }

  #payload(json: string): Record<string, unknown> {
    try {
      const value: unknown = JSON.parse(json);
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        return value as Record<string, unknown>;
    } catch {
      // Reported below, like any other malformed token.
    }
    throw this.#invalid('a mock token with a malformed JSON payload');
  }

  #field(payload: Record<string, unknown>, key: string): string | undefined {
    const value = payload[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      throw this.#invalid(`a mock token whose '${key}' is not a string`);
    return value;
  }

  #invalid(problem: string): TestKitError<'TEST_INVALID_MOCK_TOKEN'> {
    // The token itself is left out, as real auth services do.
    return new TestKitError('TEST_INVALID_MOCK_TOKEN', { pluginId: this.#pluginId, problem });
  }
}
