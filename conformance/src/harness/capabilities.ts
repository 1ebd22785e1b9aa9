/**
 * The closed list of capabilities of the `supports` manifest, as listed in the Capabilities
 * table of spec/docs/01-conformance.md (CLS-017). A new capability is an additive change of the
 * specification and of this list.
 */
export const CAPABILITIES = [
  'packageDiscovery',
  'splitDeployment',
  'signals',
  'https',
  'rateLimit',
  'remoteConfig',
  'postgres',
  'mysql',
  'redisCache',
  'valkeyCache',
  'memcachedCache',
  'infinispanCache',
] as const;

/** A capability name from {@link CAPABILITIES}. */
export type Capability = (typeof CAPABILITIES)[number];

/** Whether a string is a capability name of the closed list. */
export function isCapability(name: string): name is Capability {
  return (CAPABILITIES as readonly string[]).includes(name);
}
