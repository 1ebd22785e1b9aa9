import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackstageCredentials, DiscoveryService } from '@openstage/spec';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DefaultUserInfoService } from './DefaultUserInfoService.js';
import { UserInfoCache } from './UserInfoCache.js';
import { UserInfoServiceError } from './UserInfoServiceError.js';

/** An unsigned token with the given payload: userInfo only decodes, auth already verified. */
function tokenWith(payload: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'vnd.backstage.user', alg: 'ES256' })}.${part(payload)}.signature`;
}

function userCredentials(
  token: string | undefined,
  expiresAt?: Date,
  ref = 'user:default/jane',
): BackstageCredentials {
  const credentials = {
    $$type: '@backstage/BackstageCredentials',
    version: 'v1',
    principal: { type: 'user', userEntityRef: ref },
    ...(expiresAt === undefined ? {} : { expiresAt }),
  };
  if (token !== undefined)
    Object.defineProperty(credentials, 'token', { value: token, enumerable: false });
  return credentials as BackstageCredentials;
}

let server: Server;
let discovery: DiscoveryService;
let answer: { status: number; body: unknown };
const seen: Array<string | undefined> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/api/auth/v1/userinfo') {
      res.statusCode = 404;
      res.end();
      return;
    }
    seen.push(req.headers.authorization);
    res.statusCode = answer.status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  discovery = {
    getBaseUrl: async (id) => `${origin}/api/${id}`,
    getExternalBaseUrl: async (id) => `${origin}/api/${id}`,
  };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
  answer = {
    status: 200,
    body: {
      claims: { sub: 'user:default/jane', ent: ['user:default/jane', 'group:default/looked-up'] },
    },
  };
});

async function rejection(promise: Promise<unknown>): Promise<UserInfoServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserInfoServiceError);
  return error as UserInfoServiceError;
}

const later = () => new Date(Date.now() + 3600_000);

describe('DefaultUserInfoService', () => {
  it('UINFO-002, UINFO-003, UINFO-004, UINFO-012: the ent claim is used without a request', async () => {
    const service = new DefaultUserInfoService({ discovery });
    const token = tokenWith({
      sub: 'user:default/jane',
      ent: ['user:default/jane', 'group:default/team-a'],
    });
    expect(await service.getUserInfo(userCredentials(token, later()))).toEqual({
      userEntityRef: 'user:default/jane',
      ownershipEntityRefs: ['user:default/jane', 'group:default/team-a'],
    });
    expect(seen).toEqual([]);
  });

  it('UINFO-006, UINFO-013, UINFO-014: without ent (a limited token) the auth backend is asked with the token', async () => {
    const service = new DefaultUserInfoService({ discovery });
    const token = tokenWith({ sub: 'user:default/jane', iat: 1, exp: 2 });
    const info = await service.getUserInfo(userCredentials(token, later()));
    expect(info.ownershipEntityRefs).toEqual(['user:default/jane', 'group:default/looked-up']);
    expect(seen).toEqual([`Bearer ${token}`]);
  });

  it('UINFO-005: non-user credentials are refused', async () => {
    const service = new DefaultUserInfoService({ discovery });
    for (const principal of [{ type: 'service', subject: 'plugin:x' }, { type: 'none' }]) {
      const error = await rejection(
        service.getUserInfo({
          $$type: '@backstage/BackstageCredentials',
          principal,
        } as BackstageCredentials),
      );
      expect(error.code).toBe('UINFO_NOT_USER');
      expect(error.message).toContain(`'${principal.type}'`);
    }
  });

  it('UINFO-010, UINFO-011: a missing token or a non-string sub is refused', async () => {
    const service = new DefaultUserInfoService({ discovery });
    expect((await rejection(service.getUserInfo(userCredentials(undefined)))).code).toBe(
      'UINFO_MISSING_TOKEN',
    );
    for (const token of [tokenWith({ sub: 42, ent: [] }), 'not-a-jwt']) {
      expect((await rejection(service.getUserInfo(userCredentials(token)))).code).toBe(
        'UINFO_INVALID_SUBJECT',
      );
    }
  });

  it('UINFO-015: an error answer carries its status and body', async () => {
    const service = new DefaultUserInfoService({ discovery });
    answer = { status: 401, body: { error: { message: 'bad token' } } };
    const error = await rejection(
      service.getUserInfo(userCredentials(tokenWith({ sub: 'user:default/jane' }))),
    );
    expect(error.code).toBe('UINFO_LOOKUP_FAILED');
    expect(error.statusCode).toBe(401);
    expect(error.body).toContain('bad token');
  });

  it('UINFO-016, UINFO-017: missing or malformed ownership refs are refused', async () => {
    const service = new DefaultUserInfoService({ discovery });
    answer = { status: 200, body: { claims: { sub: 'user:default/jane' } } };
    const unresolved = await rejection(
      service.getUserInfo(userCredentials(tokenWith({ sub: 'user:default/jane' }))),
    );
    expect(unresolved.code).toBe('UINFO_OWNERSHIP_UNRESOLVED');
    const invalid = await rejection(
      service.getUserInfo(userCredentials(tokenWith({ sub: 'user:default/jane', ent: ['ok', 7] }))),
    );
    expect(invalid.code).toBe('UINFO_OWNERSHIP_INVALID');
    const notList = await rejection(
      service.getUserInfo(userCredentials(tokenWith({ sub: 'user:default/jane', ent: 'x' }))),
    );
    expect(notList.code).toBe('UINFO_OWNERSHIP_INVALID');
  });

  it('UINFO-018, UINFO-019: results are shared between plugins until the credentials expire', async () => {
    let now = Date.UTC(2030, 0, 1);
    const cache = new UserInfoCache({ now: () => now, maxAgeMs: 3600_000 });
    const catalog = new DefaultUserInfoService({ discovery, cache });
    const search = new DefaultUserInfoService({ discovery, cache });
    const token = tokenWith({ sub: 'user:default/jane' });
    const credentials = userCredentials(token, new Date(now + 10_000));
    await catalog.getUserInfo(credentials);
    await search.getUserInfo(credentials);
    expect(seen).toHaveLength(1);
    now += 10_000;
    await search.getUserInfo(credentials);
    expect(seen).toHaveLength(2);
  });

  it('UINFO-020: a failed lookup is not cached', async () => {
    const service = new DefaultUserInfoService({ discovery });
    const credentials = userCredentials(tokenWith({ sub: 'user:default/jane' }), later());
    answer = { status: 503, body: {} };
    await rejection(service.getUserInfo(credentials));
    answer = { status: 200, body: { claims: { ent: ['user:default/jane'] } } };
    await expect(service.getUserInfo(credentials)).resolves.toEqual({
      userEntityRef: 'user:default/jane',
      ownershipEntityRefs: ['user:default/jane'],
    });
    expect(seen).toHaveLength(2);
  });
});
