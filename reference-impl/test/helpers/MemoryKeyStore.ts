import { randomUUID } from 'node:crypto';
import type { JsonObject } from '@openstage/spec';
import { exportJWK, generateKeyPair } from 'jose';
import type {
  PluginKeyStore,
  SigningKey,
} from '../../src/services/auth/plugin/keys/PluginKeyStore.js';

/**
 * A plugin key store in memory, so a plugin signs without a database. Its keys are public to the
 * test, which can sign with them too (to craft malformed or forged tokens).
 */
export class MemoryKeyStore implements PluginKeyStore {
  /** Newest first. */
  keys: Array<{ signing: SigningKey; publicJwk: JsonObject }> = [];

  async rotate(): Promise<SigningKey> {
    const kid = randomUUID();
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const signing = { kid, alg: 'ES256', key: privateKey };
    this.keys.unshift({
      signing,
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' } as JsonObject,
    });
    return signing;
  }

  async getSigningKey(): Promise<SigningKey> {
    return this.keys[0]?.signing ?? this.rotate();
  }

  async listPublicKeys(): Promise<JsonObject[]> {
    return this.keys.map((k) => k.publicJwk);
  }
}
