import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthServiceError } from './AuthServiceError.js';
import { DefaultAuthService } from './DefaultAuthService.js';
import type { ExternalTokenHandler } from './external/ExternalTokenHandler.js';
import type { PluginKeyStore } from './plugin/keys/PluginKeyStore.js';
import { readAuthSettings } from './readAuthSettings.js';
import { RemoteKeySets } from './RemoteKeySets.js';
import { createTestConfig } from './testing/createTestConfig.js';
import { createTestLogger } from './testing/createTestLogger.js';
import { startTestKeyServer, type TestKeyServer } from './testing/startTestKeyServer.js';

const unusedKeyStore: PluginKeyStore = {
  getSigningKey: () => Promise.reject(new Error('not used')),
  listPublicKeys: async () => [],
};

let server: TestKeyServer;
let jwksKey: CryptoKey;
const LEGACY_SECRET = Buffer.from('a legacy shared secret of some length').toString('base64');

beforeAll(async () => {
  server = await startTestKeyServer();
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  jwksKey = privateKey;
  const jwk = { ...(await exportJWK(publicKey)), kid: 'ci-1', alg: 'ES256' };
  server.route('/ci/jwks.json', () => ({ body: { keys: [jwk] } }));
});

afterAll(async () => {
  await server.close();
});

async function settingsOf(
  auth: Record<string, unknown>,
  customHandlers?: ExternalTokenHandler<unknown>[],
) {
  const logger = createTestLogger();
  const settings = await readAuthSettings(createTestConfig({ backend: { auth } }), {
    logger,
    keySets: new RemoteKeySets(),
    ...(customHandlers === undefined ? {} : { customHandlers }),
  });
  return { settings, logger };
}

async function configError(
  auth: Record<string, unknown>,
  customHandlers?: ExternalTokenHandler<unknown>[],
) {
  const error = await settingsOf(auth, customHandlers).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AuthServiceError);
  return error as AuthServiceError;
}

async function serviceFor(pluginId: string, auth: Record<string, unknown>) {
  const { settings } = await settingsOf(auth);
  return new DefaultAuthService({
    pluginId,
    discovery: server.discovery,
    keyStore: unusedKeyStore,
    keySets: new RemoteKeySets(),
    externalAccess: settings.externalAccess,
  });
}

function legacyToken(secret: string, claims: Record<string, unknown> = {}) {
  return new SignJWT({ sub: 'backstage-server', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(Buffer.from(secret, 'base64'));
}

function ciToken(claims: Record<string, unknown>, alg = 'ES256') {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, kid: 'ci-1' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(jwksKey);
}

describe('key store settings', () => {
  it('AUTH-105: the key store defaults to database', async () => {
    const { settings } = await settingsOf({});
    expect(settings.staticKeyStore).toBeUndefined();
    expect(settings.disableDefaultAuthPolicy).toBe(false);
  });

  it('AUTH-106: an unknown key store type names the key and the value', async () => {
    const error = await configError({ pluginKeyStore: { type: 'vault' } });
    expect(error.code).toBe('AUTH_KEY_STORE_UNKNOWN_TYPE');
    expect(error.message).toContain('backend.auth.pluginKeyStore.type');
    expect(error.message).toContain("'vault'");
  });

  it('AUTH-123, AUTH-154: a static store without keys fails while reading settings', async () => {
    const error = await configError({ pluginKeyStore: { type: 'static' } });
    expect(error.code).toBe('AUTH_STATIC_KEYS_MISSING');
  });
});

describe('external access configuration', () => {
  it('AUTH-151, AUTH-154: an unknown type names the type, the config path and the supported types', async () => {
    const error = await configError({
      externalAccess: [
        { type: 'static', options: { token: 'abcdefgh', subject: 's' } },
        { type: 'magic', options: {} },
      ],
    });
    expect(error.code).toBe('AUTH_EXTERNAL_ACCESS_UNKNOWN_TYPE');
    expect(error.message).toContain("'magic'");
    expect(error.message).toContain('backend.auth.externalAccess[1].type');
    expect(error.message).toContain("'static', 'legacy', 'jwks'");
    expect(error.configPath).toBe('backend.auth.externalAccess[1].type');
  });

  it('AUTH-161, AUTH-162: malformed static options name the option path', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ token: 'short', subject: 's' }, '.token'],
      [{ token: 'has white space', subject: 's' }, '.token'],
      [{ token: 'long-enough', subject: '' }, '.subject'],
      [{ token: 'long-enough', subject: 'two words' }, '.subject'],
      [{ token: 'long-enough' }, '.subject'],
    ];
    for (const [options, suffix] of cases) {
      const error = await configError({ externalAccess: [{ type: 'static', options }] });
      expect(error.code).toBe('AUTH_EXTERNAL_ACCESS_INVALID_OPTIONS');
      expect(error.configPath).toBe(`backend.auth.externalAccess[0].options${suffix}`);
    }
  });

  it('AUTH-166, AUTH-175: a bad legacy secret or jwks url names its path', async () => {
    const secret = await configError({
      externalAccess: [{ type: 'legacy', options: { secret: 'not*base64!', subject: 's' } }],
    });
    expect(secret.code).toBe('AUTH_EXTERNAL_ACCESS_INVALID_OPTIONS');
    expect(secret.configPath).toBe('backend.auth.externalAccess[0].options.secret');
    for (const url of [undefined, 'relative/path', 'ftp://x/jwks']) {
      const error = await configError({ externalAccess: [{ type: 'jwks', options: { url } }] });
      expect(error.code).toBe('AUTH_EXTERNAL_ACCESS_INVALID_OPTIONS');
      expect(error.configPath).toBe('backend.auth.externalAccess[0].options.url');
    }
  });

  it('AUTH-163: duplicate static tokens and legacy secrets are rejected', async () => {
    const staticDup = await configError({
      externalAccess: [
        { type: 'static', options: { token: 'same-token', subject: 'a' } },
        { type: 'static', options: { token: 'same-token', subject: 'b' } },
      ],
    });
    expect(staticDup.code).toBe('AUTH_EXTERNAL_ACCESS_DUPLICATE');
    expect(staticDup.message).toContain('backend.auth.externalAccess[0]');
    const legacyDup = await configError({
      externalAccess: [{ type: 'legacy', options: { secret: LEGACY_SECRET, subject: 'a' } }],
      keys: [{ secret: LEGACY_SECRET }],
    });
    expect(legacyDup.code).toBe('AUTH_EXTERNAL_ACCESS_DUPLICATE');
    expect(legacyDup.message).toContain('backend.auth.keys[0]');
  });

  it('AUTH-182, AUTH-183, AUTH-184: invalid access restrictions name the culprit', async () => {
    const entry = (accessRestrictions: unknown) => ({
      externalAccess: [
        { type: 'static', options: { token: 'abcdefgh', subject: 's' }, accessRestrictions },
      ],
    });
    const unknownKey = await configError(entry([{ plugin: 'catalog', extra: 1 }]));
    expect(unknownKey.code).toBe('AUTH_ACCESS_RESTRICTIONS_INVALID');
    expect(unknownKey.message).toContain("'extra'");
    const unknownAttr = await configError(
      entry([{ plugin: 'catalog', permissionAttribute: { verb: 'read' } }]),
    );
    expect(unknownAttr.message).toContain("'verb'");
    const badAction = await configError(
      entry([{ plugin: 'catalog', permissionAttribute: { action: 'read, destroy' } }]),
    );
    expect(badAction.code).toBe('AUTH_ACCESS_RESTRICTIONS_INVALID');
    expect(badAction.message).toContain("'destroy'");
    const twice = await configError(entry([{ plugin: 'catalog' }, { plugin: 'catalog' }]));
    expect(twice.message).toContain("'catalog'");
    const noPlugin = await configError(entry([{ permission: 'x' }]));
    expect(noPlugin.configPath).toBe('backend.auth.externalAccess[0].accessRestrictions[0].plugin');
  });

  it('AUTH-168, AUTH-188: deprecated keys and unrestricted entries are warned about once when read', async () => {
    const { logger } = await settingsOf({
      externalAccess: [
        { type: 'static', options: { token: 'abcdefgh', subject: 's' } },
        {
          type: 'static',
          options: { token: 'ijklmnop', subject: 't' },
          accessRestrictions: [{ plugin: 'catalog' }],
        },
      ],
      keys: [{ secret: LEGACY_SECRET }],
    });
    const warnings = logger.entries.filter((e) => e.level === 'warn').map((e) => e.message);
    expect(
      warnings.filter(
        (m) => m.includes('backend.auth.keys') && m.includes('backend.auth.externalAccess'),
      ),
    ).toHaveLength(1);
    expect(warnings.filter((m) => m.includes('backend.auth.externalAccess[0]'))).toHaveLength(1);
    expect(warnings.some((m) => m.includes('backend.auth.externalAccess[1]'))).toBe(false);
  });

  it('AUTH-191: two custom handlers for one type, or one for a built-in type, are rejected naming the type', async () => {
    const handler = (type: string): ExternalTokenHandler<unknown> => ({
      type,
      initialize: () => ({}),
      verifyToken: async () => undefined,
    });
    const twice = await configError({}, [handler('vault'), handler('vault')]);
    expect(twice.code).toBe('AUTH_EXTERNAL_HANDLER_DUPLICATE_TYPE');
    expect(twice.message).toContain("'vault'");
    const builtIn = await configError({}, [handler('static')]);
    expect(builtIn.code).toBe('AUTH_EXTERNAL_HANDLER_DUPLICATE_TYPE');
  });
});

describe('external access tokens', () => {
  it('AUTH-152, AUTH-160, AUTH-187: a static token yields its subject without restrictions', async () => {
    const auth = await serviceFor('catalog', {
      externalAccess: [{ type: 'static', options: { token: 'static-token-1', subject: 'script' } }],
    });
    const credentials = await auth.authenticate('static-token-1');
    expect(credentials.principal).toEqual({ type: 'service', subject: 'script' });
    await expect(auth.authenticate('static-token-2')).rejects.toMatchObject({
      code: 'AUTH_INVALID_TOKEN',
    });
  });

  it('AUTH-165, AUTH-167: legacy tokens verify with the base64 secret; backend.auth.keys entries act as legacy entries', async () => {
    const other = Buffer.from('another secret entirely').toString('base64');
    const auth = await serviceFor('catalog', {
      externalAccess: [
        { type: 'legacy', options: { secret: LEGACY_SECRET, subject: 'old-backend' } },
      ],
      keys: [{ secret: other }],
    });
    expect((await auth.authenticate(await legacyToken(LEGACY_SECRET))).principal).toEqual({
      type: 'service',
      subject: 'old-backend',
    });
    expect((await auth.authenticate(await legacyToken(other))).principal).toEqual({
      type: 'service',
      subject: 'external:backstage-plugin',
    });
    const wrongSub = await legacyToken(LEGACY_SECRET, { sub: 'someone' });
    await expect(auth.authenticate(wrongSub)).rejects.toMatchObject({ code: 'AUTH_INVALID_TOKEN' });
    const withAud = await legacyToken(LEGACY_SECRET, { aud: 'x' });
    await expect(auth.authenticate(withAud)).rejects.toMatchObject({ code: 'AUTH_INVALID_TOKEN' });
    const unknownSecret = await legacyToken(Buffer.from('nobody knows this').toString('base64'));
    await expect(auth.authenticate(unknownSecret)).rejects.toMatchObject({
      code: 'AUTH_INVALID_TOKEN',
    });
  });

  it('AUTH-170, AUTH-171, AUTH-172, AUTH-173, AUTH-174: jwks entries check alg, iss and aud and build the subject', async () => {
    const url = `${server.origin}/ci/jwks.json`;
    const auth = await serviceFor('catalog', {
      externalAccess: [
        {
          type: 'jwks',
          options: {
            url,
            issuer: ['https://ci.test', 'https://other.test'],
            audience: 'backstage, catalog',
            algorithm: 'ES256',
            subjectPrefix: 'ci',
          },
        },
        { type: 'jwks', options: { url } },
      ],
    });
    const prefixed = await auth.authenticate(
      await ciToken({ sub: 'job-1', iss: 'https://ci.test', aud: 'catalog' }),
    );
    expect(prefixed.principal).toEqual({ type: 'service', subject: 'external:ci:job-1' });
    // The wrong issuer fails the first entry; the unconstrained second entry accepts it.
    const plain = await auth.authenticate(
      await ciToken({ sub: 'job-2', iss: 'https://evil.test', aud: 'catalog' }),
    );
    expect(plain.principal).toEqual({ type: 'service', subject: 'external:job-2' });
    await expect(
      auth.authenticate(await ciToken({ iss: 'https://ci.test' })),
    ).rejects.toMatchObject({ code: 'AUTH_INVALID_TOKEN' });
  });

  it('AUTH-153: entries are tried in configuration order', async () => {
    const url = `${server.origin}/ci/jwks.json`;
    const auth = await serviceFor('catalog', {
      externalAccess: [
        { type: 'jwks', options: { url, subjectPrefix: 'first' } },
        { type: 'jwks', options: { url, subjectPrefix: 'second' } },
      ],
    });
    expect((await auth.authenticate(await ciToken({ sub: 'x' }))).principal).toMatchObject({
      subject: 'external:first:x',
    });
  });

  it('AUTH-180, AUTH-181, AUTH-185, AUTH-186, FEAT-111: restricted tokens work only at listed plugins and carry their restrictions', async () => {
    const auth = {
      externalAccess: [
        {
          type: 'static',
          options: { token: 'restricted-token', subject: 'reader' },
          accessRestrictions: [
            {
              plugin: 'catalog',
              permission: ['catalog.entity.read, catalog.location.read', 'catalog.entity.read'],
              permissionAttribute: { action: ['read'] },
            },
            { plugin: 'search' },
          ],
        },
      ],
    };
    const catalog = await serviceFor('catalog', auth);
    expect((await catalog.authenticate('restricted-token')).principal).toEqual({
      type: 'service',
      subject: 'reader',
      accessRestrictions: {
        permissionNames: ['catalog.entity.read', 'catalog.location.read'],
        permissionAttributes: { action: ['read'] },
      },
    });
    const search = await serviceFor('search', auth);
    // Only the plugin is named there, so nothing is restricted and FEAT-111 forbids an empty object.
    expect((await search.authenticate('restricted-token')).principal).toEqual({
      type: 'service',
      subject: 'reader',
    });
    const scaffolder = await serviceFor('scaffolder', auth);
    const error = (await scaffolder
      .authenticate('restricted-token')
      .catch((e: unknown) => e)) as AuthServiceError;
    expect(error.code).toBe('AUTH_ACCESS_RESTRICTED');
    expect(error.name).toBe('NotAllowedError');
    expect(error.message).toContain("'catalog', 'search'");
  });
});
