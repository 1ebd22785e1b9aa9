import type { JsonObject } from '@openstage/spec';
import type { CryptoKey, KeyObject } from 'jose';

/** A private key with the header members a token signed with it carries (AUTH-070). */
export interface SigningKey {
  readonly kid: string;
  readonly alg: string;
  readonly key: CryptoKey | KeyObject;
}

/**
 * Where a plugin's signing keys come from: the `database` key store or the `static` one
 * (`backend.auth.pluginKeyStore.type`, AUTH-105 to AUTH-125).
 */
export interface PluginKeyStore {
  /** The key to sign the next plugin token with. */
  getSigningKey(): Promise<SigningKey>;
  /** The public keys (JWKs with `kid` and `alg`) that tokens of this plugin verify with. */
  listPublicKeys(): Promise<JsonObject[]>;
}
