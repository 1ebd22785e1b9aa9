import type { BackstageCredentials } from '@openstage/spec';

/** Credentials for `principal`, built by hand so a test controls every field, expiry included. */
export function testCredentials(
  principal: Record<string, unknown>,
  expiresAt?: Date,
): BackstageCredentials {
  return {
    $$type: '@backstage/BackstageCredentials',
    version: 'v1',
    principal,
    ...(expiresAt === undefined ? {} : { expiresAt }),
  } as BackstageCredentials;
}
