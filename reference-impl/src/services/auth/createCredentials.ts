import type {
  BackstageCredentials,
  BackstageCredentialsWire,
  BackstageNonePrincipal,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@openstage/spec';

type AnyPrincipal = BackstageUserPrincipal | BackstageServicePrincipal | BackstageNonePrincipal;

function describe(principal: AnyPrincipal): string {
  switch (principal.type) {
    case 'user':
      return principal.actor === undefined
        ? `user ${principal.userEntityRef}`
        : `user ${principal.userEntityRef} (via ${principal.actor.subject})`;
    case 'service':
      return `service ${principal.subject}`;
    default:
      return 'none';
  }
}

/**
 * Builds a credentials object in the wire format (FEAT-104 to FEAT-111): the token and
 * `toString` are non-enumerable, so neither `JSON.stringify` nor `Object.keys` shows the token
 * (FEAT-106 to FEAT-108, AUTH-006, AUTH-007). A none principal never holds a token (AUTH-008).
 */
export function createCredentials<TPrincipal extends AnyPrincipal>(
  principal: TPrincipal,
  token?: string,
  expiresAt?: Date,
): BackstageCredentials<TPrincipal> {
  const credentials: BackstageCredentialsWire<TPrincipal> = {
    $$type: '@backstage/BackstageCredentials',
    version: 'v1',
    principal,
  };
  if (expiresAt !== undefined) credentials.expiresAt = expiresAt;
  if (token !== undefined && principal.type !== 'none') {
    Object.defineProperty(credentials, 'token', {
      value: token,
      enumerable: false,
      writable: false,
      configurable: false,
    });
  }
  const text = `BackstageCredentials{${describe(principal)}}`;
  Object.defineProperty(credentials, 'toString', {
    value: () => text,
    enumerable: false,
    writable: false,
    configurable: false,
  });
  return credentials;
}
