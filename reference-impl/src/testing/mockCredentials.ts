import type {
  BackstageCredentials,
  BackstageNonePrincipal,
  BackstagePrincipalAccessRestrictions,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  MockCredentials,
  MockServiceTokenOptions,
} from '@openstage/spec';
import { createCredentials } from '../services/auth/createCredentials.js';
import { InvalidEntityRefError } from './TestKitError.js';

/** The fixed strings of the mock token format (TEST-123 to TEST-140). */
export const MOCK_TOKENS = {
  none: 'mock-none-token',
  user: 'mock-user-token',
  limitedUser: 'mock-limited-user-token',
  service: 'mock-service-token',
  invalidUser: 'mock-invalid-user-token',
  invalidLimitedUser: 'mock-invalid-limited-user-token',
  invalidService: 'mock-invalid-service-token',
} as const;

/** The name of the cookie that carries a limited user token. */
export const MOCK_USER_COOKIE = 'backstage-auth';

const DEFAULT_USER = 'user:default/mock';
const DEFAULT_SERVICE = 'external:test-service';
const ENTITY_REF = /^[^:/\s]+:[^:/\s]+\/[^:/\s]+$/;

/** Checks the `<kind>:<namespace>/<name>` form (TEST-141). */
function checkedRef(ref: string): string {
  if (typeof ref !== 'string' || !ENTITY_REF.test(ref))
    throw new InvalidEntityRefError(String(ref));
  return ref;
}

function user(userEntityRef: string = DEFAULT_USER): BackstageCredentials<BackstageUserPrincipal> {
  return createCredentials({ type: 'user', userEntityRef: checkedRef(userEntityRef) });
}

function userToken(userEntityRef?: string): string {
  if (userEntityRef === undefined) return MOCK_TOKENS.user;
  return `${MOCK_TOKENS.user}:${JSON.stringify({ sub: checkedRef(userEntityRef) })}`;
}

function limitedUserToken(userEntityRef: string = DEFAULT_USER): string {
  return `${MOCK_TOKENS.limitedUser}:${JSON.stringify({ sub: checkedRef(userEntityRef) })}`;
}

function service(
  subject: string = DEFAULT_SERVICE,
  accessRestrictions?: BackstagePrincipalAccessRestrictions,
): BackstageCredentials<BackstageServicePrincipal> {
  return createCredentials({
    type: 'service',
    subject,
    ...(accessRestrictions ? { accessRestrictions } : {}),
  });
}

function serviceToken(options?: MockServiceTokenOptions): string {
  if (options === undefined) return MOCK_TOKENS.service;
  const principal = options.onBehalfOf.principal as {
    type?: string;
    subject?: string;
    userEntityRef?: string;
  };
  // TEST-137: key order sub, obo, target; JSON.stringify drops the undefined ones.
  const payload = {
    sub: principal.type === 'service' ? principal.subject : undefined,
    obo: principal.type === 'user' ? principal.userEntityRef : undefined,
    target: options.targetPluginId,
  };
  return `${MOCK_TOKENS.service}:${JSON.stringify(payload)}`;
}

/**
 * Credentials objects and the matching mock tokens, headers and cookies (TEST-121 to TEST-141).
 * The mock auth and httpAuth services accept exactly these tokens.
 *
 * @example
 * ```ts
 * request(backend.server).get('/api/todo/items')
 *   .set('Authorization', mockCredentials.user.header('user:default/jane'));
 * ```
 */
export const mockCredentials: MockCredentials = {
  none: Object.assign(
    (): BackstageCredentials<BackstageNonePrincipal> => createCredentials({ type: 'none' }),
    { header: () => `Bearer ${MOCK_TOKENS.none}` },
  ),
  user: Object.assign(user, {
    token: userToken,
    header: (userEntityRef?: string) => `Bearer ${userToken(userEntityRef)}`,
    invalidToken: () => MOCK_TOKENS.invalidUser,
    invalidHeader: () => `Bearer ${MOCK_TOKENS.invalidUser}`,
  }),
  limitedUser: Object.assign((userEntityRef?: string) => user(userEntityRef), {
    token: limitedUserToken,
    cookie: (userEntityRef?: string) => `${MOCK_USER_COOKIE}=${limitedUserToken(userEntityRef)}`,
    invalidToken: () => MOCK_TOKENS.invalidLimitedUser,
    invalidCookie: () => `${MOCK_USER_COOKIE}=${MOCK_TOKENS.invalidLimitedUser}`,
  }),
  service: Object.assign(service, {
    token: serviceToken,
    header: (options?: MockServiceTokenOptions) => `Bearer ${serviceToken(options)}`,
    invalidToken: () => MOCK_TOKENS.invalidService,
    invalidHeader: () => `Bearer ${MOCK_TOKENS.invalidService}`,
  }),
};
