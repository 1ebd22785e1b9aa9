import { randomUUID } from 'node:crypto';
import type {
  AuthService,
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  BackstageCredentials,
  BackstageServicePrincipal,
  Config,
  DiscoveryService,
  Permission,
  PermissionsService,
  PermissionsServiceRequestOptions,
  PolicyDecision,
  QueryPermissionRequest,
  QueryPermissionResponse,
} from '@openstage/spec';
import { decideForService } from './decideForService.js';
import { parseAuthorizeAnswer } from './parseAuthorizeAnswer.js';
import { PermissionsError } from './permissionsErrors.js';

/** Dependencies of {@link DefaultPermissionsService}. */
export interface DefaultPermissionsServiceOptions {
  discovery: Pick<DiscoveryService, 'getBaseUrl'>;
  auth: Pick<AuthService, 'getPluginRequestToken'>;
  /** The HTTP client; the global `fetch` by default. */
  fetch?: typeof fetch;
}

type Principal = { type?: string } | undefined;

/**
 * The default permissions service: service principals are decided locally from their access
 * restrictions; everything else is allowed while `permission.enabled` is off, and otherwise
 * sent to the `permission` plugin's `/authorize` endpoint.
 */
export class DefaultPermissionsService implements PermissionsService {
  #enabled: boolean;
  readonly #discovery: DefaultPermissionsServiceOptions['discovery'];
  readonly #auth: DefaultPermissionsServiceOptions['auth'];
  readonly #fetch: typeof fetch;

  /** Reads `permission.enabled` (PERM-020) and follows its changes. */
  static fromConfig(
    config: Config,
    options: DefaultPermissionsServiceOptions,
  ): DefaultPermissionsService {
    const read = () => config.getOptional('permission.enabled') === true;
    const service = new DefaultPermissionsService(read(), options);
    config.subscribe?.(() => {
      service.#enabled = read();
    });
    return service;
  }

  constructor(enabled: boolean, options: DefaultPermissionsServiceOptions) {
    this.#enabled = enabled;
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#fetch = options.fetch ?? fetch;
  }

  async authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    return (await this.#decide(
      requests,
      options.credentials,
      false,
    )) as AuthorizePermissionResponse[];
  }

  async authorizeConditional(
    queries: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<QueryPermissionResponse[]> {
    return this.#decide(queries, options.credentials, true);
  }

  async #decide(
    requests: ReadonlyArray<{ permission: Permission; resourceRef?: string }>,
    credentials: BackstageCredentials,
    conditional: boolean,
  ): Promise<PolicyDecision[]> {
    const principal = credentials.principal as Principal;
    if (principal?.type === 'service') {
      const service = principal as BackstageServicePrincipal;
      return requests.map((r) => decideForService(service, r.permission));
    }
    if (!this.#enabled) return requests.map(() => ({ result: 'ALLOW' })); // PERM-021, PERM-022
    if (requests.length === 0) return [];
    return this.#askPermissionBackend(requests, credentials, principal, conditional);
  }

  async #askPermissionBackend(
    requests: ReadonlyArray<{ permission: Permission; resourceRef?: string }>,
    credentials: BackstageCredentials,
    principal: Principal,
    conditional: boolean,
  ): Promise<PolicyDecision[]> {
    const ids = requests.map(() => randomUUID()); // PERM-052
    const items = requests.map((r, i) => ({
      id: ids[i],
      permission: r.permission,
      ...(r.resourceRef !== undefined ? { resourceRef: r.resourceRef } : {}),
    }));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (principal?.type === 'user') {
      // PERM-053; none credentials go without a token (PERM-054).
      const { token } = await this.#auth.getPluginRequestToken({
        onBehalfOf: credentials,
        targetPluginId: 'permission',
      });
      headers['authorization'] = `Bearer ${token}`;
    }
    const url = `${await this.#discovery.getBaseUrl('permission')}/authorize`; // PERM-050
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ items }),
      });
    } catch (cause) {
      throw new PermissionsError(
        'PERM_BACKEND_ERROR',
        {
          url,
          reason: `request failed: ${cause instanceof Error ? cause.message : String(cause)}`,
        },
        { cause },
      );
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw new PermissionsError('PERM_BACKEND_ERROR', {
        url,
        status: response.status,
        reason: text.slice(0, 200),
      });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new PermissionsError(
        'PERM_INVALID_RESPONSE',
        { url, reason: 'the body is not JSON' },
        { cause },
      );
    }
    return parseAuthorizeAnswer(body, ids, conditional, url);
  }
}
