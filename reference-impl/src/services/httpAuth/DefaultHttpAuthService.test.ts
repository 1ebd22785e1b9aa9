import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthService, BackstageCredentials, HttpRequest } from '@openstage/spec';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCookieRouter } from './createCookieRouter.js';
import { DefaultHttpAuthService } from './DefaultHttpAuthService.js';
import type { HttpAuthServiceError } from './HttpAuthServiceError.js';
import { testCredentials as credentials } from '../../../test/helpers/testCredentials.js';

const NOW = Date.UTC(2030, 0, 1, 12);
const HOUR = 3600_000;

class AuthenticationError extends Error {
  override name = 'AuthenticationError';
}

/** A stand-in `auth` service with fixed tokens; it counts authenticate calls. */
function createFakeAuth() {
  const calls: Array<{ token: string; allowLimitedAccess: boolean }> = [];
  const users: Record<string, { ref: string; expiresAt: Date; limited: boolean }> = {
    'user-token': { ref: 'user:default/jane', expiresAt: new Date(NOW + HOUR), limited: false },
    'cookie-fresh': { ref: 'user:default/jane', expiresAt: new Date(NOW + HOUR), limited: true },
    'cookie-stale': {
      ref: 'user:default/jane',
      expiresAt: new Date(NOW + 4 * 60_000),
      limited: true,
    },
  };
  const auth: AuthService = {
    async authenticate(token, options) {
      calls.push({ token, allowLimitedAccess: options?.allowLimitedAccess === true });
      if (token === 'service-token')
        return credentials({ type: 'service', subject: 'plugin:other' });
      const user = users[token];
      if (user === undefined) throw new AuthenticationError('Illegal token');
      if (user.limited && options?.allowLimitedAccess !== true)
        throw new AuthenticationError('Illegal limited user token');
      return credentials({ type: 'user', userEntityRef: user.ref }, user.expiresAt);
    },
    isPrincipal: ((c: BackstageCredentials, type: string) =>
      type === 'unknown' ||
      (c.principal as { type: string }).type === type) as AuthService['isPrincipal'],
    getNoneCredentials: async () => credentials({ type: 'none' }) as BackstageCredentials<never>,
    getOwnServiceCredentials: async () =>
      credentials({ type: 'service', subject: 'plugin:todo' }) as BackstageCredentials<never>,
    getPluginRequestToken: async () => ({ token: 'x' }),
    getLimitedUserToken: async (c) => ({
      token: `limited.${(c.principal as { userEntityRef: string }).userEntityRef.replace(/[:/]/g, '_')}`,
      expiresAt: new Date(NOW + HOUR),
    }),
    listPublicServiceKeys: async () => ({ keys: [] }),
  };
  return { auth, calls };
}

function createService(externalBaseUrl = 'https://backstage.example.com/api/todo') {
  const fake = createFakeAuth();
  const httpAuth = new DefaultHttpAuthService({
    auth: fake.auth,
    discovery: { getBaseUrl: async () => '', getExternalBaseUrl: async () => externalBaseUrl },
    pluginId: 'todo',
    now: () => NOW,
  });
  return { httpAuth, calls: fake.calls };
}

function request(headers: Record<string, string> = {}): HttpRequest {
  return { method: 'GET', url: '/', headers };
}

/** A minimal node-style response. */
function response(req?: HttpRequest) {
  const headers = new Map<string, string | string[]>();
  return {
    statusCode: 200,
    headersSent: false,
    ...(req === undefined ? {} : { req }),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader: (name: string, value: string | string[]) => headers.set(name.toLowerCase(), value),
    cookies: () => (headers.get('set-cookie') ?? []) as string[],
  };
}

async function rejection(promise: Promise<unknown>): Promise<HttpAuthServiceError & Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as HttpAuthServiceError;
}

describe('credentials', () => {
  it('HAUTH-002, HAUTH-010: a bearer token, with any case scheme and spaces, is authenticated', async () => {
    const { httpAuth, calls } = createService();
    for (const header of ['Bearer user-token', 'bearer   user-token', 'BEARER user-token']) {
      const c = await httpAuth.credentials(request({ authorization: header }));
      expect(c.principal).toEqual({ type: 'user', userEntityRef: 'user:default/jane' });
    }
    expect(calls.map((c) => c.token)).toEqual(['user-token', 'user-token', 'user-token']);
  });

  it('HAUTH-011, HAUTH-016, HAUTH-018: malformed or missing headers mean none credentials', async () => {
    const { httpAuth, calls } = createService();
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Basic abc' },
      { authorization: 'Bearer' },
      { authorization: 'Bearer a b' },
    ]) {
      expect((await httpAuth.credentials(request(headers))).principal).toEqual({ type: 'none' });
    }
    expect(calls).toHaveLength(0);
  });

  it('HAUTH-012: without allowLimitedAccess the cookie is ignored', async () => {
    const { httpAuth, calls } = createService();
    const c = await httpAuth.credentials(request({ cookie: 'backstage-auth=cookie-fresh' }));
    expect(c.principal).toEqual({ type: 'none' });
    expect(calls).toHaveLength(0);
  });

  it('HAUTH-013, HAUTH-015: with allowLimitedAccess the cookie is used and limited access is passed on', async () => {
    const { httpAuth, calls } = createService();
    const c = await httpAuth.credentials(
      request({ cookie: 'a=b; backstage-auth=cookie-fresh; c=d' }),
      { allowLimitedAccess: true },
    );
    expect(c.principal).toEqual({ type: 'user', userEntityRef: 'user:default/jane' });
    expect(calls).toEqual([{ token: 'cookie-fresh', allowLimitedAccess: true }]);
  });

  it('HAUTH-014: the bearer token wins over the cookie', async () => {
    const { httpAuth, calls } = createService();
    await httpAuth.credentials(
      request({ authorization: 'Bearer service-token', cookie: 'backstage-auth=cookie-fresh' }),
      {
        allowLimitedAccess: true,
      },
    );
    expect(calls.map((c) => c.token)).toEqual(['service-token']);
  });

  it('HAUTH-017: a rejected token is an error, not none credentials', async () => {
    const { httpAuth } = createService();
    const error = await rejection(
      httpAuth.credentials(request({ authorization: 'Bearer forged' })),
    );
    expect(error.name).toBe('AuthenticationError');
  });

  it('HAUTH-019, HAUTH-020, HAUTH-021: the allow list filters principal types', async () => {
    const { httpAuth } = createService();
    const missing = await rejection(httpAuth.credentials(request(), { allow: ['user'] }));
    expect(missing.code).toBe('HAUTH_MISSING_CREDENTIALS');
    expect(missing.name).toBe('AuthenticationError');
    expect(missing.message).toBe('Missing credentials');
    const service = request({ authorization: 'Bearer service-token' });
    const notAllowed = await rejection(httpAuth.credentials(service, { allow: ['user'] }));
    expect(notAllowed.code).toBe('HAUTH_PRINCIPAL_NOT_ALLOWED');
    expect(notAllowed.name).toBe('NotAllowedError');
    expect(notAllowed.message).toContain("'service'");
    await expect(
      httpAuth.credentials(service, { allow: ['user', 'service'] }),
    ).resolves.toMatchObject({
      principal: { type: 'service' },
    });
    await expect(httpAuth.credentials(request(), { allow: ['none'] })).resolves.toMatchObject({
      principal: { type: 'none' },
    });
  });

  it('HAUTH-022, HAUTH-023: one verification per request and limited-access setting, kept apart', async () => {
    const { httpAuth, calls } = createService();
    const req = request({ cookie: 'backstage-auth=cookie-fresh' });
    await httpAuth.credentials(req, { allowLimitedAccess: true });
    await httpAuth.credentials(req, { allowLimitedAccess: true, allow: ['user'] });
    expect(calls).toHaveLength(1);
    // The limited result must not leak into a call that does not allow limited access.
    expect((await httpAuth.credentials(req)).principal).toEqual({ type: 'none' });
    const bearer = request({ authorization: 'Bearer user-token' });
    await httpAuth.credentials(bearer);
    await httpAuth.credentials(bearer);
    expect(calls).toHaveLength(2);
  });

  it('HAUTH-025: a custom token extractor replaces the bearer header', async () => {
    const fake = createFakeAuth();
    const httpAuth = new DefaultHttpAuthService({
      auth: fake.auth,
      discovery: { getBaseUrl: async () => '', getExternalBaseUrl: async () => 'https://x.test' },
      pluginId: 'todo',
      getTokenFromRequest: (req) => req.headers['x-token'] as string | undefined,
    });
    expect(
      (await httpAuth.credentials(request({ 'x-token': 'service-token' }))).principal,
    ).toMatchObject({ type: 'service' });
  });
});

describe('issueUserCookie', () => {
  it('HAUTH-003, HAUTH-031, HAUTH-037 to HAUTH-041, HAUTH-043, HAUTH-044: issues the limited token as a secure cookie', async () => {
    const { httpAuth } = createService('https://backstage.example.com/api/todo');
    const res = response(request({ authorization: 'Bearer user-token' }));
    const { expiresAt } = await httpAuth.issueUserCookie(res);
    expect(expiresAt).toEqual(new Date(NOW + HOUR));
    expect(res.cookies()).toEqual([
      `backstage-auth=limited.user_default_jane; Domain=backstage.example.com; Path=/; Expires=${new Date(NOW + HOUR).toUTCString()}; HttpOnly; Secure; SameSite=None; Priority=High`,
    ]);
  });

  it('HAUTH-041, HAUTH-042: localhost is secure, plain http elsewhere is SameSite=Lax without Secure', async () => {
    const local = createService('http://localhost:7007/api/todo');
    const r1 = response(request({ authorization: 'Bearer user-token' }));
    await local.httpAuth.issueUserCookie(r1);
    expect(r1.cookies()[0]).toContain('Domain=localhost');
    expect(r1.cookies()[0]).toContain('; Secure; SameSite=None');
    const plain = createService('http://backstage.internal/api/todo');
    const r2 = response(request({ authorization: 'Bearer user-token' }));
    await plain.httpAuth.issueUserCookie(r2);
    expect(r2.cookies()[0]).toContain('SameSite=Lax');
    expect(r2.cookies()[0]).not.toContain('Secure');
  });

  it('HAUTH-030: headers already sent is refused before anything else', async () => {
    const { httpAuth, calls } = createService();
    const res = { ...response(request({ authorization: 'Bearer user-token' })), headersSent: true };
    const error = await rejection(httpAuth.issueUserCookie(res));
    expect(error.code).toBe('HAUTH_HEADERS_SENT');
    expect(error.message).toContain("'todo'");
    expect(calls).toHaveLength(0);
  });

  it('HAUTH-032, HAUTH-033: without credentials option a none or service caller is refused', async () => {
    const { httpAuth } = createService();
    expect((await rejection(httpAuth.issueUserCookie(response(request())))).code).toBe(
      'HAUTH_MISSING_CREDENTIALS',
    );
    const service = response(request({ authorization: 'Bearer service-token' }));
    expect((await rejection(httpAuth.issueUserCookie(service))).code).toBe(
      'HAUTH_PRINCIPAL_NOT_ALLOWED',
    );
  });

  it('HAUTH-034, HAUTH-035: explicit user credentials get a cookie; service credentials are refused', async () => {
    const { httpAuth } = createService();
    const res = response();
    const user = credentials(
      { type: 'user', userEntityRef: 'user:default/joe' },
      new Date(NOW + HOUR),
    );
    await httpAuth.issueUserCookie(res, { credentials: user });
    expect(res.cookies()[0]).toMatch(/^backstage-auth=limited\.user_default_joe;/);
    const error = await rejection(
      httpAuth.issueUserCookie(response(), {
        credentials: credentials({ type: 'service', subject: 'plugin:x' }),
      }),
    );
    expect(error.code).toBe('HAUTH_COOKIE_NON_USER');
    expect(error.name).toBe('AuthenticationError');
  });

  it('HAUTH-036: none credentials clear the cookie with the same attributes', async () => {
    const { httpAuth } = createService();
    const res = response();
    const { expiresAt } = await httpAuth.issueUserCookie(res, {
      credentials: credentials({ type: 'none' }),
    });
    expect(expiresAt).toEqual(new Date(NOW));
    expect(res.cookies()).toEqual([
      'backstage-auth=; Domain=backstage.example.com; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=None; Priority=High',
    ]);
  });

  it('HAUTH-045: a cookie valid for more than five minutes is kept', async () => {
    const { httpAuth } = createService();
    const res = response(
      request({ authorization: 'Bearer user-token', cookie: 'backstage-auth=cookie-fresh' }),
    );
    expect(await httpAuth.issueUserCookie(res)).toEqual({ expiresAt: new Date(NOW + HOUR) });
    expect(res.cookies()).toEqual([]);
  });

  it('HAUTH-046: a cookie about to expire or not authenticating is replaced', async () => {
    const { httpAuth } = createService();
    for (const cookie of ['backstage-auth=cookie-stale', 'backstage-auth=forged']) {
      const res = response(request({ authorization: 'Bearer user-token', cookie }));
      await httpAuth.issueUserCookie(res);
      expect(res.cookies()).toHaveLength(1);
    }
  });
});

describe('cookie endpoints over HTTP', () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    const { httpAuth } = createService('http://localhost/api/todo');
    const fake = createFakeAuth();
    const app = express();
    app.use('/api/todo', createCookieRouter({ httpAuth, auth: fake.auth }));
    app.use(
      (error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
        const status =
          error.name === 'AuthenticationError' ? 401 : error.name === 'NotAllowedError' ? 403 : 500;
        res.status(status).json({ name: error.name });
      },
    );
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const url = () => `${origin}/api/todo/.backstage/auth/v1/cookie`;

  it('HTTP-032: GET issues the cookie and answers its expiry', async () => {
    const res = await fetch(url(), { headers: { authorization: 'Bearer user-token' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ expiresAt: new Date(NOW + HOUR).toISOString() });
    expect(res.headers.getSetCookie()[0]).toMatch(/^backstage-auth=limited\.user_default_jane;/);
  });

  it('HTTP-033: DELETE clears the cookie with 204', async () => {
    const res = await fetch(url(), { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie()[0]).toMatch(/^backstage-auth=; .*Expires=Thu, 01 Jan 1970/);
  });

  it('HAUTH-053, HAUTH-026: service callers get 403 and callers without a token 401', async () => {
    expect(
      (await fetch(url(), { headers: { authorization: 'Bearer service-token' } })).status,
    ).toBe(403);
    expect((await fetch(url())).status).toBe(401);
  });
});
