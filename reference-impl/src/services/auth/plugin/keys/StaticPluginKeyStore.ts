import { loadJose } from '../../loadJose.js';
import { readFile } from 'node:fs/promises';
import type { JsonObject } from '@openstage/spec';
import { AuthServiceError } from '../../AuthServiceError.js';
import type { PluginKeyStore, SigningKey } from './PluginKeyStore.js';

const KEYS_PATH = 'backend.auth.pluginKeyStore.static.keys';

/** One entry of `backend.auth.pluginKeyStore.static.keys`, as read from configuration. */
export interface StaticKeyEntry {
  publicKeyFile?: unknown;
  privateKeyFile?: unknown;
  keyId?: unknown;
  algorithm?: unknown;
}

/**
 * The `static` key store (AUTH-120 to AUTH-125): key pairs from PEM files shared by every
 * replica. The first entry signs; every entry's public key is listed so that tokens signed with
 * a key being rotated out keep verifying. Files are read once, at construction.
 */
export class StaticPluginKeyStore implements PluginKeyStore {
  readonly #signingKey: SigningKey;
  readonly #publicKeys: JsonObject[];

  private constructor(signingKey: SigningKey, publicKeys: JsonObject[]) {
    this.#signingKey = signingKey;
    this.#publicKeys = publicKeys;
  }

  /** Reads and checks every key file; rejects with the config path of the culprit. */
  static async fromEntries(
    entries: readonly StaticKeyEntry[] | undefined,
  ): Promise<StaticPluginKeyStore> {
    if (entries === undefined || entries.length === 0) {
      throw new AuthServiceError('AUTH_STATIC_KEYS_MISSING', { configPath: KEYS_PATH });
    }
    const publicKeys: JsonObject[] = [];
    let signingKey: SigningKey | undefined;
    for (const [index, entry] of entries.entries()) {
      const path = `${KEYS_PATH}[${index}]`;
      const keyId = requireString(entry.keyId, `${path}.keyId`);
      const publicKeyFile = requireString(entry.publicKeyFile, `${path}.publicKeyFile`);
      const alg =
        entry.algorithm === undefined
          ? 'ES256'
          : requireString(entry.algorithm, `${path}.algorithm`);
      const publicKey = await loadKey(publicKeyFile, path, alg, 'public');
      const { exportJWK } = await loadJose();
      publicKeys.push({ ...(await exportJWK(publicKey)), kid: keyId, alg });
      if (index === 0) {
        if (entry.privateKeyFile === undefined) {
          throw new AuthServiceError('AUTH_STATIC_SIGNING_KEY_MISSING', {
            configPath: `${path}.privateKeyFile`,
          });
        }
        const privateKeyFile = requireString(entry.privateKeyFile, `${path}.privateKeyFile`);
        signingKey = { kid: keyId, alg, key: await loadKey(privateKeyFile, path, alg, 'private') };
      }
    }
    // The loop ran at least once, so the first entry set the signing key.
    return new StaticPluginKeyStore(signingKey as SigningKey, publicKeys);
  }

  async getSigningKey(): Promise<SigningKey> {
    return this.#signingKey;
  }

  async listPublicKeys(): Promise<JsonObject[]> {
    return this.#publicKeys.map((key) => ({ ...key }));
  }
}

function requireString(value: unknown, configPath: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new AuthServiceError('AUTH_STATIC_KEY_UNREADABLE', {
      configPath,
      problem: 'must be a non-empty string',
    });
  }
  return value;
}

async function loadKey(file: string, configPath: string, alg: string, kind: 'public' | 'private') {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    throw new AuthServiceError(
      'AUTH_STATIC_KEY_UNREADABLE',
      { configPath, file, problem: `unable to read the ${kind} key file` },
      { cause: error },
    );
  }
  try {
    return kind === 'public'
      ? await (await loadJose()).importSPKI(pem, alg, { extractable: true })
      : await (await loadJose()).importPKCS8(pem, alg);
  } catch (error) {
    const format = kind === 'public' ? 'an SPKI' : 'a PKCS#8';
    throw new AuthServiceError(
      'AUTH_STATIC_KEY_UNREADABLE',
      {
        configPath,
        file,
        problem: `the ${kind} key file does not hold ${format} PEM key for algorithm ${alg}`,
      },
      { cause: error },
    );
  }
}
