import type { BackstageCredentials } from '@openstage/spec';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuthServiceError } from './AuthServiceError.js';
import { createCredentials } from './createCredentials.js';
import { DefaultAuthService, type DefaultAuthServiceOptions } from './DefaultAuthService.js';
import { readExternalAccess } from './external/readExternalAccess.js';
import { RemoteKeySets } from './RemoteKeySets.js';
import { MemoryKeyStore } from '../../../test/helpers/MemoryKeyStore.js';
import { useKeyServerWithUsers } from '../../../test/helpers/useKeyServerWithUsers.js';

const keys = useKeyServerWithUsers();

interface TestPlugin {
  auth: DefaultAuthService;
  keyStore: MemoryKeyStore;
  keySets: RemoteKeySets;
  jwksPath: string;
}

function createPlugin(
  pluginId: string,
  options: Partial<DefaultAuthServiceOptions> & { serve?: boolean } = {},
): TestPlugin {
  const keyStore = new MemoryKeyStore();
  const keySets = new RemoteKeySets();
  const auth = new DefaultAuthService({
    pluginId,
    discovery: keys.server.discovery,
    keyStore,
    keySets,
    ...options,
  });
  const jwksPath = `/api/${pluginId}/.backstage/auth/v1/jwks.json`;
  if (options.serve !== false) {
    keys.server.route(jwksPath, async () => ({ body: await auth.listPublicServiceKeys() }));
  }
  return { auth, keyStore, keySets, jwksPath };
}

async function rejection(promise: Promise<unknown>): Promise<AuthServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthServiceError);
  return error as AuthServiceError;
}

/** Signs an arbitrary plugin token with the plugin's current key. */
async function craftPluginToken(
  plugin: TestPlugin,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): Promise<string> {
  const key = await plugin.keyStore.getSigningKey();
  return new SignJWT(claims)
    .setProtectedHeader({ typ: 'vnd.backstage.plugin', alg: key.alg, kid: key.kid, ...header })
    .sign(key.key as CryptoKey);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('credentials', () => {
  it('FEAT-104, FEAT-106, FEAT-107, FEAT-108, AUTH-005, AUTH-006, AUTH-007: user credentials hide their token', async () => {
    const { auth } = createPlugin('creds-a');
    const token = await keys.users.issue();
    const credentials = await auth.authenticate(token);
    expect(credentials).toMatchObject({
      $$type: '@backstage/BackstageCredentials',
      version: 'v1',
      principal: { type: 'user', userEntityRef: 'user:default/jane' },
    });
    expect(credentials.expiresAt).toEqual(new Date(decodeJwt(token).exp! * 1000));
    // The token is a hidden field of the credentials, outside their public type.
    expect((credentials as unknown as { token: string }).token).toBe(token);
    expect(Object.keys(credentials)).not.toContain('token');
    expect(Object.keys(credentials)).not.toContain('toString');
    expect(JSON.stringify(credentials)).not.toContain(token);
    expect(String(credentials)).not.toContain(token);
    expect(String(credentials)).toContain('user:default/jane');
  });

  it('AUTH-008, AUTH-025: none credentials hold no token', async () => {
    const { auth } = createPlugin('creds-b', { serve: false });
    const none = await auth.getNoneCredentials();
    expect(none.principal).toEqual({ type: 'none' });
    expect('token' in none).toBe(false);
    expect(createCredentials({ type: 'none' }, 'secret-token')).not.toHaveProperty('token');
  });

  it('AUTH-026, AUTH-027: own service credentials name the plugin and carry no restrictions', async () => {
    const { auth } = createPlugin('creds-c', { serve: false });
    const own = await auth.getOwnServiceCredentials();
    expect(own.principal).toEqual({ type: 'service', subject: 'plugin:creds-c' });
    expect(own.principal).not.toHaveProperty('accessRestrictions');
  });

  it('AUTH-023, AUTH-024: isPrincipal matches the principal type and unknown matches all', async () => {
    const { auth } = createPlugin('creds-d', { serve: false });
    const none = await auth.getNoneCredentials();
    const service = await auth.getOwnServiceCredentials();
    expect(auth.isPrincipal(none, 'none')).toBe(true);
    expect(auth.isPrincipal(none, 'user')).toBe(false);
    expect(auth.isPrincipal(service, 'service')).toBe(true);
    expect(auth.isPrincipal(service, 'none')).toBe(false);
    expect(auth.isPrincipal(service, 'unknown')).toBe(true);
    expect(auth.isPrincipal(none, 'unknown')).toBe(true);
  });

  it('AUTH-010: methods reject objects that are not v1 credentials, naming the value', async () => {
    const { auth } = createPlugin('creds-e', { serve: false });
    // Both objects break the credentials type on purpose, so the casts below must stay.
    const wrongType = {
      $$type: 'something-else',
      version: 'v1',
      principal: { type: 'service', subject: 'x' },
    };
    const wrongVersion = {
      $$type: '@backstage/BackstageCredentials',
      version: 'v2',
      principal: { type: 'none' },
    };
    const e1 = await rejection(
      auth.getPluginRequestToken({
        onBehalfOf: wrongType as unknown as BackstageCredentials,
        targetPluginId: 'x',
      }),
    );
    expect(e1.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(e1.message).toContain("'something-else'");
    const e2 = await rejection(
      auth.getLimitedUserToken(wrongVersion as unknown as BackstageCredentials<never>),
    );
    expect(e2.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(e2.message).toContain("'v2'");
  });
});

describe('plugin tokens', () => {
  it("AUTH-028, AUTH-070 to AUTH-076, AUTH-082, AUTH-091, AUTH-093, AUTH-094: a service token from A verifies at B through A's key set over HTTP", async () => {
    const a = createPlugin('issuer-a');
    const b = createPlugin('target-b');
    const before = nowSeconds();
    const { token } = await a.auth.getPluginRequestToken({
      onBehalfOf: await b.auth.getOwnServiceCredentials(), // a foreign service principal (AUTH-075)
      targetPluginId: 'target-b',
    });
    const header = decodeProtectedHeader(token);
    const claims = decodeJwt(token);
    const signing = await a.keyStore.getSigningKey();
    expect(header).toEqual({ typ: 'vnd.backstage.plugin', alg: 'ES256', kid: signing.kid });
    expect(claims.sub).toBe('issuer-a');
    expect(claims.aud).toBe('target-b');
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.exp).toBe(claims.iat! + 3600);
    expect(claims).not.toHaveProperty('obo');

    const credentials = await b.auth.authenticate(token);
    expect(credentials.principal).toEqual({ type: 'service', subject: 'plugin:issuer-a' });
    expect(keys.server.hits.get(a.jwksPath)).toBeGreaterThanOrEqual(1);
  });

  it('AUTH-059: a second verification of the same token or issuer fetches no key set', async () => {
    const a = createPlugin('cache-a');
    const b = createPlugin('cache-b');
    const service = await a.auth.getOwnServiceCredentials();
    const first = await a.auth.getPluginRequestToken({
      onBehalfOf: service,
      targetPluginId: 'cache-b',
    });
    await b.auth.authenticate(first.token);
    const fetches = keys.server.hits.get(a.jwksPath);
    await b.auth.authenticate(first.token);
    const second = await a.auth.getPluginRequestToken({
      onBehalfOf: service,
      targetPluginId: 'cache-b',
    });
    await b.auth.authenticate(second.token);
    expect(keys.server.hits.get(a.jwksPath)).toBe(fetches);
  });

  it('AUTH-054: a token addressed to another plugin is rejected', async () => {
    const a = createPlugin('aud-a');
    const b = createPlugin('aud-b');
    const { token } = await a.auth.getPluginRequestToken({
      onBehalfOf: await a.auth.getOwnServiceCredentials(),
      targetPluginId: 'aud-c',
    });
    const error = await rejection(b.auth.authenticate(token));
    expect(error.code).toBe('AUTH_TOKEN_AUDIENCE_MISMATCH');
    expect(error.name).toBe('AuthenticationError');
  });

  it('AUTH-050, AUTH-057, AUTH-058: a forged or tampered token is rejected without echoing it', async () => {
    const a = createPlugin('forge-a');
    const b = createPlugin('forge-b');
    const signing = await a.keyStore.getSigningKey();
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({
      sub: 'forge-a',
      aud: 'forge-b',
      iat: nowSeconds(),
      exp: nowSeconds() + 60,
    })
      .setProtectedHeader({ typ: 'vnd.backstage.plugin', alg: 'ES256', kid: signing.kid })
      .sign(privateKey);
    const forgedError = await rejection(b.auth.authenticate(forged));
    expect(forgedError.code).toBe('AUTH_TOKEN_SIGNATURE_INVALID');
    expect(forgedError.name).toBe('AuthenticationError');
    expect(forgedError.message).not.toContain(forged);

    const { token } = await a.auth.getPluginRequestToken({
      onBehalfOf: await a.auth.getOwnServiceCredentials(),
      targetPluginId: 'forge-b',
    });
    const [h, , s] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({ ...decodeJwt(token), exp: nowSeconds() + 99999 }),
    ).toString('base64url');
    const tampered = `${h}.${payload}.${s}`;
    const tamperedError = await rejection(b.auth.authenticate(tampered));
    expect(tamperedError.code).toBe('AUTH_TOKEN_SIGNATURE_INVALID');
    expect(tamperedError.message).not.toContain(tampered);
  });

  it('AUTH-051: an expired plugin token is rejected', async () => {
    const hoursAgo = Date.now() - 2 * 3600_000;
    const a = createPlugin('exp-a', { now: () => hoursAgo });
    const b = createPlugin('exp-b');
    const { token } = await a.auth.getPluginRequestToken({
      onBehalfOf: await a.auth.getOwnServiceCredentials(),
      targetPluginId: 'exp-b',
    });
    const error = await rejection(b.auth.authenticate(token));
    expect(error.code).toBe('AUTH_TOKEN_EXPIRED');
    expect(error.name).toBe('AuthenticationError');
  });

  it('AUTH-052: a clock tolerance absorbs a token that expired moments ago', async () => {
    const a = createPlugin('skew-a');
    const b = createPlugin('skew-b', { clockToleranceSeconds: 30 });
    const token = await craftPluginToken(a, {
      sub: 'skew-a',
      aud: 'skew-b',
      iat: nowSeconds() - 100,
      exp: nowSeconds() - 10,
    });
    await expect(b.auth.authenticate(token)).resolves.toMatchObject({
      principal: { subject: 'plugin:skew-a' },
    });
  });

  it('AUTH-060: a cached verification does not outlive the token', async () => {
    let now = Date.now();
    const a = createPlugin('late-a');
    const b = createPlugin('late-b', { now: () => now });
    const { token } = await a.auth.getPluginRequestToken({
      onBehalfOf: await a.auth.getOwnServiceCredentials(),
      targetPluginId: 'late-b',
    });
    await b.auth.authenticate(token);
    now += 3601_000;
    const error = await rejection(b.auth.authenticate(token));
    expect(error.code).toBe('AUTH_TOKEN_EXPIRED');
  });

  it('AUTH-053: plugin tokens lacking iat, exp, sub or aud are rejected', async () => {
    const a = createPlugin('claims-a');
    const b = createPlugin('claims-b');
    const full = { sub: 'claims-a', aud: 'claims-b', iat: nowSeconds(), exp: nowSeconds() + 60 };
    for (const missing of ['iat', 'exp', 'aud'] as const) {
      const claims: Record<string, unknown> = { ...full };
      delete claims[missing];
      const error = await rejection(b.auth.authenticate(await craftPluginToken(a, claims)));
      expect(error.code, missing).toBe('AUTH_TOKEN_CLAIMS_MISSING');
      expect(error.message).toContain(`'${missing}'`);
    }
  });

  it('AUTH-090: a plugin token without a valid plugin id as sub is rejected', async () => {
    const a = createPlugin('sub-a');
    const b = createPlugin('sub-b');
    const base = { aud: 'sub-b', iat: nowSeconds(), exp: nowSeconds() + 60 };
    for (const claims of [base, { ...base, sub: 'not a/plugin' }]) {
      const error = await rejection(b.auth.authenticate(await craftPluginToken(a, claims)));
      expect(error.code).toBe('AUTH_TOKEN_SUBJECT_INVALID');
    }
  });

  it('AUTH-055, AUTH-056: a token whose issuer publishes no key set is rejected naming the issuer', async () => {
    const ghost = createPlugin('ghost', { serve: false });
    const b = createPlugin('unknown-b');
    const { token } = await ghost.auth.getPluginRequestToken({
      onBehalfOf: await ghost.auth.getOwnServiceCredentials(),
      targetPluginId: 'unknown-b',
    });
    const notFound = await rejection(b.auth.authenticate(token));
    expect(notFound.code).toBe('AUTH_TOKEN_UNKNOWN_ISSUER');
    expect(notFound.message).toContain("'ghost'");
    expect(notFound.pluginId).toBe('ghost');

    keys.server.route('/api/ghost/.backstage/auth/v1/jwks.json', () => ({ body: { nope: true } }));
    const noKeys = await rejection(b.auth.authenticate(token));
    expect(noKeys.code).toBe('AUTH_TOKEN_UNKNOWN_ISSUER');

    const unreachable = createPlugin('unreach-b', {
      serve: false,
      discovery: {
        getBaseUrl: async () => 'http://127.0.0.1:1/api/ghost',
        getExternalBaseUrl: async () => '',
      },
    });
    const forUnreachable = await ghost.auth.getPluginRequestToken({
      onBehalfOf: await ghost.auth.getOwnServiceCredentials(),
      targetPluginId: 'unreach-b',
    });
    const refused = await rejection(unreachable.auth.authenticate(forUnreachable.token));
    expect(refused.code).toBe('AUTH_TOKEN_UNKNOWN_ISSUER');
    expect(refused.message).toContain("'ghost'");
  });

  it('AUTH-061: a key the cached set lacks triggers a fresh fetch before rejecting', async () => {
    const a = createPlugin('rotate-a');
    const b = createPlugin('rotate-b');
    const service = await a.auth.getOwnServiceCredentials();
    await b.auth.authenticate(
      (await a.auth.getPluginRequestToken({ onBehalfOf: service, targetPluginId: 'rotate-b' }))
        .token,
    );
    await a.keyStore.rotate();
    const { token } = await a.auth.getPluginRequestToken({
      onBehalfOf: service,
      targetPluginId: 'rotate-b',
    });
    expect(decodeProtectedHeader(token).kid).toBe(a.keyStore.keys[0]!.signing.kid);
    await expect(b.auth.authenticate(token)).resolves.toMatchObject({
      principal: { subject: 'plugin:rotate-a' },
    });
  });

  it('AUTH-092: the issuing plugin need not be installed where the token is verified', async () => {
    // "remote" exists only as a key endpoint that discovery resolves, like a plugin in another instance.
    const remote = createPlugin('remote');
    const local = createPlugin('local');
    const { token } = await remote.auth.getPluginRequestToken({
      onBehalfOf: await remote.auth.getOwnServiceCredentials(),
      targetPluginId: 'local',
    });
    await expect(local.auth.authenticate(token)).resolves.toMatchObject({
      principal: { subject: 'plugin:remote' },
    });
  });
});

describe('on-behalf-of tokens', () => {
  it('AUTH-077, AUTH-078, AUTH-095, AUTH-096, AUTH-097, AUTH-099: a user call through plugin A reaches B as the user, with A as actor', async () => {
    const a = createPlugin('obo-a');
    const b = createPlugin('obo-b');
    const userToken = await keys.users.issue({ lifetimeSeconds: 600 });
    const userCredentials = await a.auth.authenticate(userToken);
    const { token } = await a.auth.getPluginRequestToken({
      onBehalfOf: userCredentials,
      targetPluginId: 'obo-b',
    });
    const claims = decodeJwt(token);
    expect(claims.exp).toBe(decodeJwt(userToken).exp); // earlier than iat + 3600
    const obo = claims.obo as string;
    expect(decodeProtectedHeader(obo).typ).toBe('vnd.backstage.limited-user');

    const credentials = await b.auth.authenticate(token); // no allowLimitedAccess needed
    expect(credentials.principal).toEqual({
      type: 'user',
      userEntityRef: 'user:default/jane',
      actor: { type: 'service', subject: 'plugin:obo-a' },
    });
    // The token is a hidden field of the credentials, outside their public type.
    expect((credentials as unknown as { token: string }).token).toBe(obo);
    expect(credentials.expiresAt).toEqual(new Date(decodeJwt(obo).exp! * 1000));
  });

  it('AUTH-098: an obo claim that is not a valid user token is rejected', async () => {
    const a = createPlugin('badobo-a');
    const b = createPlugin('badobo-b');
    const base = { sub: 'badobo-a', aud: 'badobo-b', iat: nowSeconds(), exp: nowSeconds() + 60 };
    const { privateKey } = await generateKeyPair('ES256');
    const forgedUser = await new SignJWT({
      sub: 'user:default/mallory',
      iat: nowSeconds(),
      exp: nowSeconds() + 60,
    })
      .setProtectedHeader({ typ: 'vnd.backstage.limited-user', alg: 'ES256', kid: keys.users.kid })
      .sign(privateKey);
    for (const obo of ['not-a-token', forgedUser, 42]) {
      const error = await rejection(
        b.auth.authenticate(await craftPluginToken(a, { ...base, obo })),
      );
      expect(error.code).toBe('AUTH_OBO_TOKEN_INVALID');
      expect(error.message).not.toContain(forgedUser);
    }
  });

  it('AUTH-079, AUTH-080: none credentials get an empty token only when the default policy is disabled', async () => {
    const strict = createPlugin('none-a', { serve: false });
    const none = await strict.auth.getNoneCredentials();
    const error = await rejection(
      strict.auth.getPluginRequestToken({ onBehalfOf: none, targetPluginId: 'x' }),
    );
    expect(error.code).toBe('AUTH_NONE_TOKEN_REFUSED');
    expect(error.name).toBe('AuthenticationError');
    expect(error.message).toContain("'none'");
    const open = createPlugin('none-b', { serve: false, disableDefaultAuthPolicy: true });
    await expect(
      open.auth.getPluginRequestToken({ onBehalfOf: none, targetPluginId: 'x' }),
    ).resolves.toEqual({ token: '' });
  });

  it('AUTH-081: user credentials without a token are refused', async () => {
    const { auth } = createPlugin('notoken-a', { serve: false });
    const bare = createCredentials({ type: 'user', userEntityRef: 'user:default/jane' });
    expect(
      (await rejection(auth.getPluginRequestToken({ onBehalfOf: bare, targetPluginId: 'x' }))).code,
    ).toBe('AUTH_CREDENTIALS_WITHOUT_TOKEN');
    expect((await rejection(auth.getLimitedUserToken(bare))).code).toBe(
      'AUTH_CREDENTIALS_WITHOUT_TOKEN',
    );
  });
});

describe('user tokens', () => {
  it('AUTH-041, AUTH-130, AUTH-131, AUTH-132, AUTH-134: a user token yields a user principal with or without allowLimitedAccess', async () => {
    const { auth } = createPlugin('user-a', { serve: false });
    const token = await keys.users.issue({ sub: 'user:default/joe' });
    for (const allowLimitedAccess of [false, true]) {
      const credentials = await auth.authenticate(token, { allowLimitedAccess });
      expect(credentials.principal).toEqual({ type: 'user', userEntityRef: 'user:default/joe' });
      expect(credentials.expiresAt).toEqual(new Date(decodeJwt(token).exp! * 1000));
    }
  });

  it('AUTH-043: an older user token without typ but with aud backstage is accepted', async () => {
    const { auth } = createPlugin('user-b', { serve: false });
    const token = await keys.users.issue({ legacy: true });
    await expect(auth.authenticate(token)).resolves.toMatchObject({
      principal: { userEntityRef: 'user:default/jane' },
    });
  });

  it('AUTH-029, AUTH-030, AUTH-042, AUTH-133, AUTH-140, AUTH-143: a derived limited token verifies only with allowLimitedAccess', async () => {
    const { auth } = createPlugin('limited-a', { serve: false });
    const token = await keys.users.issue();
    const credentials = await auth.authenticate(token);
    const limited = await auth.getLimitedUserToken(credentials as BackstageCredentials<never>);
    expect(limited.expiresAt).toEqual(credentials.expiresAt);
    expect(decodeProtectedHeader(limited.token)).toEqual({
      typ: 'vnd.backstage.limited-user',
      alg: 'ES256',
      kid: keys.users.kid,
    });
    const { sub, iat, exp } = decodeJwt(token);
    expect(decodeJwt(limited.token)).toEqual({ sub, iat, exp });

    const accepted = await auth.authenticate(limited.token, { allowLimitedAccess: true });
    expect(accepted.principal).toEqual({ type: 'user', userEntityRef: 'user:default/jane' });
    const error = await rejection(auth.authenticate(limited.token));
    expect(error.code).toBe('AUTH_LIMITED_TOKEN_NOT_ALLOWED');
    expect(error.name).toBe('AuthenticationError');
  });

  it('AUTH-141, AUTH-142: tokens that cannot be limited are returned unchanged or refused', async () => {
    const { auth } = createPlugin('limited-b', { serve: false });
    const withoutUip = await keys.users.issue({ withoutUip: true });
    const c1 = createCredentials(
      { type: 'user', userEntityRef: 'user:default/jane' },
      withoutUip,
      new Date(),
    );
    expect((await auth.getLimitedUserToken(c1)).token).toBe(withoutUip);
    const legacy = await keys.users.issue({ legacy: true });
    const c2 = createCredentials(
      { type: 'user', userEntityRef: 'user:default/jane' },
      legacy,
      new Date(),
    );
    expect((await auth.getLimitedUserToken(c2)).token).toBe(legacy);
    const { privateKey } = await generateKeyPair('ES256');
    const odd = await new SignJWT({ sub: 'user:default/jane', exp: nowSeconds() + 60 })
      .setProtectedHeader({ typ: 'vnd.example.other', alg: 'ES256' })
      .sign(privateKey);
    const c3 = createCredentials(
      { type: 'user', userEntityRef: 'user:default/jane' },
      odd,
      new Date(),
    );
    const error = await rejection(auth.getLimitedUserToken(c3));
    expect(error.code).toBe('AUTH_LIMITED_TOKEN_UNSUPPORTED');
    expect(error.message).toContain('vnd.example.other');
  });

  it('AUTH-051, AUTH-053: expired user tokens and user tokens without sub are rejected', async () => {
    const { auth } = createPlugin('user-c', { serve: false });
    const expired = await keys.users.issue({ iat: nowSeconds() - 7200 });
    expect((await rejection(auth.authenticate(expired))).code).toBe('AUTH_TOKEN_EXPIRED');
    const withoutSub = await keys.users.issue({ omit: ['sub'] });
    const error = await rejection(auth.authenticate(withoutSub));
    expect(error.code).toBe('AUTH_TOKEN_CLAIMS_MISSING');
    expect(error.message).toContain("'sub'");
  });

  it('AUTH-055, AUTH-056: when the auth backend key set is unavailable the error names its URL', async () => {
    const lonely = createPlugin('user-d', {
      serve: false,
      discovery: {
        getBaseUrl: async (id) => `${keys.server.origin}/nowhere/${id}`,
        getExternalBaseUrl: async () => '',
      },
    });
    const error = await rejection(lonely.auth.authenticate(await keys.users.issue()));
    expect(error.code).toBe('AUTH_TOKEN_UNKNOWN_ISSUER');
    expect(error.message).toContain(`${keys.server.origin}/nowhere/auth/.well-known/jwks.json`);
  });
});

describe('token routing', () => {
  it('AUTH-022, AUTH-057: a token nobody accepts is an AuthenticationError', async () => {
    const { auth } = createPlugin('route-a', { serve: false });
    for (const token of ['garbage', 'a.b.c', '']) {
      const error = await rejection(auth.authenticate(token));
      expect(error.code).toBe('AUTH_INVALID_TOKEN');
      expect(error.name).toBe('AuthenticationError');
    }
  });

  it('AUTH-044, AUTH-045: a token that claims to be a plugin token never falls through to external access', async () => {
    createPlugin('route-b'); // publishes the key set the forged token's sub points at
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({
      sub: 'route-b',
      aud: 'route-c',
      iat: nowSeconds(),
      exp: nowSeconds() + 60,
    })
      .setProtectedHeader({ typ: 'vnd.backstage.plugin', alg: 'ES256', kid: 'x' })
      .sign(privateKey);
    const { entries } = readExternalAccess(
      { externalAccess: [{ type: 'static', options: { token: forged, subject: 'trap' } }] },
      { keySets: new RemoteKeySets() },
    );
    const c = createPlugin('route-c', { externalAccess: entries });
    const error = await rejection(c.auth.authenticate(forged));
    expect(error.code).toBe('AUTH_TOKEN_SIGNATURE_INVALID');
  });

  it('AUTH-031, AUTH-032, AUTH-102: the public key list has kid and alg and no private material', async () => {
    const a = createPlugin('keys-a', { serve: false });
    await a.auth.getPluginRequestToken({
      onBehalfOf: await a.auth.getOwnServiceCredentials(),
      targetPluginId: 'x',
    });
    const { keys } = await a.auth.listPublicServiceKeys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({
      kid: a.keyStore.keys[0]!.signing.kid,
      alg: 'ES256',
      kty: 'EC',
      crv: 'P-256',
    });
    expect(keys[0]).not.toHaveProperty('d');
  });
});
