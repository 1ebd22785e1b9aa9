import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefaultAuthService } from '../../src/services/auth/DefaultAuthService.js';
import { readAuthSettings } from '../../src/services/auth/readAuthSettings.js';
import { RemoteKeySets } from '../../src/services/auth/RemoteKeySets.js';
import { createTestConfig } from '../../src/services/auth/testing/createTestConfig.js';
import { createTestLogger } from '../../src/services/auth/testing/createTestLogger.js';
import {
  startTestKeyServer,
  type TestKeyServer,
} from '../../src/services/auth/testing/startTestKeyServer.js';
import { MemoryKeyStore } from '../helpers/MemoryKeyStore.js';
import { rejectionOf } from '../helpers/testBackend.js';

let server: TestKeyServer;
const keySets = new RemoteKeySets();

beforeAll(async () => {
  server = await startTestKeyServer();
});
afterAll(async () => {
  await server.close();
});

function plugin(pluginId: string) {
  const keyStore = new MemoryKeyStore();
  const auth = new DefaultAuthService({ pluginId, discovery: server.discovery, keyStore, keySets });
  server.route(`/api/${pluginId}/.backstage/auth/v1/jwks.json`, async () => ({
    body: await auth.listPublicServiceKeys(),
  }));
  return { auth, keyStore };
}

/** A plugin token from `from` to `to`, issued on behalf of `from`'s own service credentials. */
async function issued(from: ReturnType<typeof plugin>, to: string) {
  const before = Math.floor(Date.now() / 1000);
  const { token } = await from.auth.getPluginRequestToken({
    onBehalfOf: await from.auth.getOwnServiceCredentials(),
    targetPluginId: to,
  });
  const after = Math.floor(Date.now() / 1000);
  return { token, before, after };
}

describe('plugin tokens', () => {
  it('AUTH-040: a token is a plugin token by its typ header vnd.backstage.plugin', async () => {
    const a = plugin('typ-a');
    const b = plugin('typ-b');
    const { token } = await issued(a, 'typ-b');
    expect(decodeProtectedHeader(token).typ).toBe('vnd.backstage.plugin');
    await expect(b.auth.authenticate(token)).resolves.toMatchObject({
      principal: { type: 'service', subject: 'plugin:typ-a' },
    });
    // The same claims, signed with the same key, but without the plugin typ are not a plugin token.
    const claims = decodeJwt(token);
    const { kid, alg, key } = await a.keyStore.getSigningKey();
    for (const typ of ['JWT', undefined]) {
      const other = await new SignJWT(claims)
        .setProtectedHeader({ alg, kid, ...(typ ? { typ } : {}) })
        .sign(key);
      await expect(rejectionOf(b.auth.authenticate(other))).resolves.toMatchObject({
        name: 'AuthenticationError',
      });
    }
  });

  it('AUTH-071, AUTH-072, AUTH-073: sub is the issuing plugin, aud the target, iat the issue time in seconds', async () => {
    const { token, before, after } = await issued(plugin('claims-a'), 'claims-b');
    const claims = decodeJwt(token);
    expect(claims.sub).toBe('claims-a');
    expect(claims.aud).toBe('claims-b');
    expect(Number.isInteger(claims.iat)).toBe(true);
    expect(claims.iat!).toBeGreaterThanOrEqual(before);
    expect(claims.iat!).toBeLessThanOrEqual(after);
  });

  it('AUTH-074, AUTH-075: on behalf of a service principal, exp is iat + 3600 and sub stays the issuing plugin', async () => {
    const a = plugin('svc-a');
    const b = plugin('svc-b');
    // Service credentials of another plugin (as received from it) and of an external caller.
    const { token: fromB } = await issued(b, 'svc-a');
    const bCredentials = await a.auth.authenticate(fromB);
    for (const onBehalfOf of [await a.auth.getOwnServiceCredentials(), bCredentials]) {
      const { token } = await a.auth.getPluginRequestToken({ onBehalfOf, targetPluginId: 'svc-c' });
      const claims = decodeJwt(token);
      expect(claims.exp! - claims.iat!).toBe(3600);
      expect(claims.sub).toBe('svc-a');
    }
  });
});

describe('external access settings', () => {
  it('AUTH-150: backend.auth.externalAccess is a list of { type, options, accessRestrictions? }', async () => {
    const settings = await readAuthSettings(
      createTestConfig({
        backend: {
          auth: {
            externalAccess: [
              { type: 'static', options: { token: 'static-token-one-1234', subject: 'ci' } },
              {
                type: 'static',
                options: { token: 'static-token-two-5678', subject: 'limited' },
                accessRestrictions: [{ plugin: 'catalog' }],
              },
            ],
          },
        },
      }),
      { logger: createTestLogger(), keySets: new RemoteKeySets() },
    );
    const auth = (pluginId: string) =>
      new DefaultAuthService({
        pluginId,
        discovery: server.discovery,
        keyStore: new MemoryKeyStore(),
        keySets,
        externalAccess: settings.externalAccess,
      });
    await expect(auth('catalog').authenticate('static-token-one-1234')).resolves.toMatchObject({
      principal: { type: 'service', subject: 'ci' },
    });
    await expect(auth('catalog').authenticate('static-token-two-5678')).resolves.toMatchObject({
      principal: { type: 'service', subject: 'limited' },
    });
    // The second entry's accessRestrictions keep it out of other plugins.
    await expect(
      rejectionOf(auth('scaffolder').authenticate('static-token-two-5678')),
    ).resolves.toBeInstanceOf(Error);
    await expect(auth('scaffolder').authenticate('static-token-one-1234')).resolves.toBeDefined();
    // A value that is not a list is refused, naming the key.
    await expect(
      readAuthSettings(
        createTestConfig({ backend: { auth: { externalAccess: { type: 'static' } } } }),
        { logger: createTestLogger(), keySets: new RemoteKeySets() },
      ),
    ).rejects.toThrow(/backend\.auth\.externalAccess/);
  });
});
