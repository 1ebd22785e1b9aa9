import type { BackstageCredentials } from '@openstage/spec';
import { AuthServiceError } from './AuthServiceError.js';

/** What the `auth` service reads from a credentials object it is given. */
export interface ReadCredentials {
  principal: { type: string; [key: string]: unknown };
  token: string | undefined;
  expiresAt: Date | undefined;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/**
 * Checks that `credentials` is a `v1` credentials object (AUTH-010) and returns its principal,
 * its hidden token and its expiry. Credentials made by Backstage's own services or test kits
 * pass too, since they share the wire format.
 */
export function readCredentials(credentials: BackstageCredentials): ReadCredentials {
  // The argument comes from plugin code and may be anything at run time.
  const value = credentials as unknown as Record<string, unknown> | null | undefined;
  if (typeof value !== 'object' || value === null) {
    throw new AuthServiceError('AUTH_INVALID_CREDENTIALS', {
      field: 'the value',
      received: show(value),
      expected: 'a credentials object',
    });
  }
  if (value.$$type !== '@backstage/BackstageCredentials') {
    throw new AuthServiceError('AUTH_INVALID_CREDENTIALS', {
      field: '$$type',
      received: show(value.$$type),
      expected: "'@backstage/BackstageCredentials'",
    });
  }
  if (value.version !== 'v1') {
    throw new AuthServiceError('AUTH_INVALID_CREDENTIALS', {
      field: 'version',
      received: show(value.version),
      expected: "'v1'",
    });
  }
  const principal = value.principal as ReadCredentials['principal'] | undefined;
  if (typeof principal !== 'object' || principal === null || typeof principal.type !== 'string') {
    throw new AuthServiceError('AUTH_INVALID_CREDENTIALS', {
      field: 'principal',
      received: show(principal),
      expected: 'an object with a string type',
    });
  }
  const token = typeof value.token === 'string' && value.token !== '' ? value.token : undefined;
  const expiresAt = value.expiresAt instanceof Date ? value.expiresAt : undefined;
  return { principal, token, expiresAt };
}
