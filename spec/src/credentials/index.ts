export type { BackstageCredentials } from './BackstageCredentials.js';
export type { BackstageCredentialsWire } from './BackstageCredentialsWire.js';
export type { BackstageNonePrincipal } from './BackstageNonePrincipal.js';
export type { BackstagePrincipalAccessRestrictions } from './BackstagePrincipalAccessRestrictions.js';
export type { BackstagePrincipalTypes } from './BackstagePrincipalTypes.js';
export type { BackstageServicePrincipal } from './BackstageServicePrincipal.js';
export type { BackstageUserPrincipal } from './BackstageUserPrincipal.js';
