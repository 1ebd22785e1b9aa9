import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLocalJWKSet,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  jwtVerify,
  SignJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthServiceError } from '../../AuthServiceError.js';
import { StaticPluginKeyStore } from './StaticPluginKeyStore.js';

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openstage-static-keys-'));
  for (const name of ['current', 'previous']) {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    await writeFile(file(`${name}.public.pem`), await exportSPKI(publicKey));
    await writeFile(file(`${name}.private.pem`), await exportPKCS8(privateKey));
  }
  const rsa = await generateKeyPair('RS256', { extractable: true });
  await writeFile(file('rsa.public.pem'), await exportSPKI(rsa.publicKey));
  await writeFile(file('rsa.private.pem'), await exportPKCS8(rsa.privateKey));
  await writeFile(file('garbage.pem'), 'not a key');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(entries: Parameters<typeof StaticPluginKeyStore.fromEntries>[0]) {
  const error = await StaticPluginKeyStore.fromEntries(entries).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AuthServiceError);
  return error as AuthServiceError;
}

describe('StaticPluginKeyStore', () => {
  it('AUTH-120, AUTH-121, AUTH-122: the first entry signs with its keyId and every public key is listed', async () => {
    const store = await StaticPluginKeyStore.fromEntries([
      {
        publicKeyFile: file('current.public.pem'),
        privateKeyFile: file('current.private.pem'),
        keyId: '2025-06',
      },
      { publicKeyFile: file('previous.public.pem'), keyId: '2025-05' },
    ]);
    const key = await store.getSigningKey();
    expect(key).toMatchObject({ kid: '2025-06', alg: 'ES256' });
    const keys = await store.listPublicKeys();
    expect(keys.map((k) => [k.kid, k.alg])).toEqual([
      ['2025-06', 'ES256'],
      ['2025-05', 'ES256'],
    ]);
    expect(keys.some((k) => 'd' in k)).toBe(false);
    const token = await new SignJWT({ sub: 'p' })
      .setProtectedHeader({ alg: key.alg, kid: key.kid })
      .sign(key.key);
    await expect(
      jwtVerify(token, createLocalJWKSet({ keys: keys as never })),
    ).resolves.toBeDefined();
  });

  it('AUTH-082, AUTH-120: a configured algorithm replaces ES256', async () => {
    const store = await StaticPluginKeyStore.fromEntries([
      {
        publicKeyFile: file('rsa.public.pem'),
        privateKeyFile: file('rsa.private.pem'),
        keyId: 'rsa',
        algorithm: 'RS256',
      },
    ]);
    expect((await store.getSigningKey()).alg).toBe('RS256');
  });

  it('AUTH-123: no keys names the config key', async () => {
    for (const entries of [undefined, []]) {
      const error = await failure(entries);
      expect(error.code).toBe('AUTH_STATIC_KEYS_MISSING');
      expect(error.message).toContain('backend.auth.pluginKeyStore.static.keys');
    }
  });

  it('AUTH-124: a first entry without private key names its privateKeyFile path', async () => {
    const error = await failure([{ publicKeyFile: file('current.public.pem'), keyId: 'k' }]);
    expect(error.code).toBe('AUTH_STATIC_SIGNING_KEY_MISSING');
    expect(error.configPath).toBe('backend.auth.pluginKeyStore.static.keys[0].privateKeyFile');
  });

  it('AUTH-125: unreadable or mismatched key files name the file and the entry', async () => {
    const cases = [
      [
        {
          publicKeyFile: file('missing.pem'),
          privateKeyFile: file('current.private.pem'),
          keyId: 'k',
        },
      ],
      [
        {
          publicKeyFile: file('garbage.pem'),
          privateKeyFile: file('current.private.pem'),
          keyId: 'k',
        },
      ],
      [
        {
          publicKeyFile: file('current.public.pem'),
          privateKeyFile: file('current.private.pem'),
          keyId: 'k',
        },
        { publicKeyFile: file('rsa.public.pem'), keyId: 'old' }, // an RSA key for the default ES256
      ],
    ];
    const culprits = [file('missing.pem'), file('garbage.pem'), file('rsa.public.pem')];
    for (const [index, entries] of cases.entries()) {
      const error = await failure(entries);
      expect(error.code).toBe('AUTH_STATIC_KEY_UNREADABLE');
      expect(error.message).toContain(culprits[index]);
      expect(error.message).toContain(
        `backend.auth.pluginKeyStore.static.keys[${index === 2 ? 1 : 0}]`,
      );
    }
  });
});
