import type { HttpRequest, JsonObject, LoggerService } from '@openstage/spec';
import { Router, type RequestHandler } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRateLimiter,
  createRootHttpRouter,
  readRateLimitOptions,
} from '../rootHttpRouter/index.js';
import { createPluginHttpRouter, type PluginHttpRouterOptions } from './createPluginHttpRouter.js';

/** Response bodies are checked field by field by the assertions; a loose type keeps them readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Loose = any;

/** Types an inline express handler for `use`, whose parameter types are framework-neutral. */
const handler = (fn: RequestHandler) => fn;

// --- small fakes -----------------------------------------------------------------------------

const silent: LoggerService = { error() {}, warn() {}, info() {}, debug() {}, child: () => silent };

function authError(message: string): Error {
  return Object.assign(new Error(message), { name: 'AuthenticationError' });
}

/** Bearer `user`/`service` are full credentials; `limited` and the cookie need allowLimitedAccess. */
const calls: Array<{ allowLimitedAccess: boolean | undefined }> = [];
const httpAuth: PluginHttpRouterOptions['httpAuth'] = {
  async credentials(req: HttpRequest, options?: { allowLimitedAccess?: boolean }) {
    calls.push({ allowLimitedAccess: options?.allowLimitedAccess });
    const authorization = req.headers['authorization'];
    const cookie = String(req.headers['cookie'] ?? '');
    if (authorization === 'Bearer user' || authorization === 'Bearer service') return {} as never;
    if (authorization === 'Bearer limited' || cookie.includes('backstage-auth=ok')) {
      if (options?.allowLimitedAccess) return {} as never;
      throw authError('Limited access is not allowed here');
    }
    if (authorization !== undefined) throw authError('Invalid token');
    throw authError('Missing credentials');
  },
  async issueUserCookie(res, options) {
    // The cast stays: the spec's HttpResponse names only what every framework shares, while the
    // object here is Node's ServerResponse, which has setHeader.
    (res as unknown as { setHeader(n: string, v: string): void }).setHeader(
      'set-cookie',
      options?.credentials ? 'backstage-auth=; Max-Age=0' : 'backstage-auth=ok',
    );
    return { expiresAt: new Date('2030-01-01T00:00:00.000Z') };
  },
};

const auth: PluginHttpRouterOptions['auth'] = {
  listPublicServiceKeys: async () => ({ keys: [{ kty: 'EC', kid: 'k1' } as JsonObject] }),
  getNoneCredentials: async () =>
    ({ $$type: '@backstage/BackstageCredentials', principal: { type: 'none' } }) as never,
};

function fakeLifecycle() {
  const startup: Array<() => void | Promise<void>> = [];
  const shutdown: Array<() => void | Promise<void>> = [];
  return {
    addStartupHook: (hook: () => void | Promise<void>) => void startup.push(hook),
    addShutdownHook: (hook: () => void | Promise<void>) => void shutdown.push(hook),
    start: async () => {
      for (const hook of startup) await hook();
    },
    stop: async () => {
      for (const hook of shutdown) await hook();
    },
  };
}

const stops: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
  calls.length = 0;
});

async function startPlugin(options: Partial<PluginHttpRouterOptions> & { started?: boolean } = {}) {
  const rootShutdown: Array<() => void | Promise<void>> = [];
  const { router: root, server } = await createRootHttpRouter({
    config: {
      getOptional: <T>(key?: string) =>
        key === 'backend.listen' ? ({ host: '127.0.0.1', port: 0 } as T) : undefined,
    },
    logger: silent,
    lifecycle: {
      addShutdownHook: (hook) => void rootShutdown.push(hook),
      addBeforeShutdownHook: () => {},
    },
    health: {
      getLiveness: async () => ({ status: 200 }),
      getReadiness: async () => ({ status: 200 }),
    },
  });
  stops.push(() => Promise.all(rootShutdown.map((hook) => hook())));
  const lifecycle = fakeLifecycle();
  const plugin = createPluginHttpRouter({
    pluginId: 'todo',
    logger: silent,
    lifecycle,
    auth,
    httpAuth,
    startupRequestPauseTimeoutMs: 5000,
    disableDefaultAuthPolicy: false,
    ...options,
  });
  root.use('/api/todo', plugin.handler);
  if (options.started !== false) await lifecycle.start();
  return {
    plugin,
    service: plugin.service,
    lifecycle,
    base: `http://127.0.0.1:${server.port()}/api/todo`,
  };
}

function items(): Router {
  const router = Router();
  router.get('/items', (_req, res) => void res.json([1, 2]));
  router.get('/public/info', (req, res) => void res.json({ url: req.url }));
  router.get('/static/:id', (_req, res) => void res.send('static'));
  router.get('/static/:id/logo.png', (_req, res) => void res.send('logo'));
  router.get('/fail', () => {
    throw Object.assign(new Error('nope'), { name: 'NotAllowedError' });
  });
  return router;
}

const user = { authorization: 'Bearer user' };

// --- use and addAuthPolicy ------------------------------------------------------------------

describe('httpRouter: use', () => {
  it('HTTP-002, HTTP-003, HTTP-010: handlers serve /api/<pluginId> and below, relative to it', async () => {
    const { service, base } = await startPlugin();
    service.use(items());
    const response = await fetch(`${base}/items`, { headers: user });
    expect(response.status).toBe(200);
    expect((await response.json()) as Loose).toEqual([1, 2]);
    service.use(handler((req, res) => void res.json({ url: req.url })));
    await expect((await fetch(base, { headers: user })).json()).resolves.toEqual({ url: '/' });
  });

  it('HTTP-004: handlers are tried in the order of the use calls', async () => {
    const { service, base } = await startPlugin();
    const seen: string[] = [];
    service.use((_req, _res, next) => {
      seen.push('first');
      next();
    });
    service.use(
      handler((_req, res) => {
        seen.push('second');
        res.send('ok');
      }),
    );
    await fetch(`${base}/x`, { headers: user });
    expect(seen).toEqual(['first', 'second']);
  });

  it('HTTP-005: use refuses something that is not a function, naming the plugin', async () => {
    const { service } = await startPlugin();
    for (const bad of [undefined, null, 'router', {}, 42]) {
      let error: unknown;
      try {
        service.use(bad as never);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: 'HTTP_INVALID_HANDLER', pluginId: 'todo' });
      expect((error as Error).message).toContain("'todo'");
    }
  });

  it('HTTP-006: use and addAuthPolicy after start apply to later requests', async () => {
    const { service, base } = await startPlugin();
    expect((await fetch(`${base}/public/info`)).status).toBe(401);
    service.use(items());
    service.addAuthPolicy({ path: '/public', allow: 'unauthenticated' });
    expect((await fetch(`${base}/public/info`)).status).toBe(200);
  });

  it('HTTP-007: an allow other than unauthenticated or user-cookie is refused, naming plugin and value', async () => {
    const { service } = await startPlugin();
    const error = (() => {
      try {
        service.addAuthPolicy({ path: '/x', allow: 'everyone' as never });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: 'HTTP_INVALID_AUTH_POLICY', pluginId: 'todo' });
    expect((error as Error).message).toContain('everyone');
  });

  it('HTTP-008: a path that is not * or a route pattern starting with / is refused, naming plugin and path', async () => {
    const { service } = await startPlugin();
    for (const path of ['public', '', '/a b', '/:', '/x(', 42, undefined]) {
      let error: unknown;
      try {
        service.addAuthPolicy({ path: path as string, allow: 'unauthenticated' });
      } catch (e) {
        error = e;
      }
      expect(error, String(path)).toMatchObject({
        code: 'HTTP_INVALID_AUTH_POLICY_PATH',
        pluginId: 'todo',
      });
    }
    for (const path of ['*', '/', '/static/:id', '/files/*', '/v/:version?', '/n/:id(\\d+)']) {
      expect(() => service.addAuthPolicy({ path, allow: 'user-cookie' }), path).not.toThrow();
    }
  });
});

// --- chain ------------------------------------------------------------------------------------

describe('httpRouter: chain', () => {
  it('HTTP-012, HTTP-013: the JWKS route answers without credentials and before the plugin has started', async () => {
    const { base } = await startPlugin({ started: false });
    const response = await fetch(`${base}/.backstage/auth/v1/jwks.json`);
    expect(response.status).toBe(200);
    expect((await response.json()) as Loose).toEqual({ keys: [{ kty: 'EC', kid: 'k1' }] });
  });

  it('HTTP-014: errors of handlers get the plugin error handler, with the path below the plugin', async () => {
    const { service, base } = await startPlugin();
    service.use(items());
    const response = await fetch(`${base}/fail`, { headers: user });
    expect(response.status).toBe(403);
    expect((await response.json()) as Loose).toMatchObject({
      error: { name: 'NotAllowedError', message: 'nope' },
      request: { method: 'GET', url: '/fail' },
      response: { statusCode: 403 },
    });
  });

  it('HTTP-015: a request that passes the barrier but that no handler answers gets 404 with an empty body', async () => {
    const { service, base } = await startPlugin();
    service.use(items());
    const response = await fetch(`${base}/nothing`, { headers: user });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
  });

  it('HTTP-011: the JWKS route sits behind the rate limit and before the gate (see HTTP-020, HTTP-032 for the rest)', async () => {
    const limit = readRateLimitOptions(
      { incomingRequestLimit: 1, ipAllowList: [] },
      'backend.rateLimit.plugin.todo',
    );
    const { base, lifecycle } = await startPlugin({
      started: false,
      rateLimit: createRateLimiter(limit!, 'plugin:todo').middleware,
    });
    // The JWKS route is behind the rate limit but before the gate: it answers before startup.
    expect((await fetch(`${base}/.backstage/auth/v1/jwks.json`)).status).toBe(200);
    expect((await fetch(`${base}/.backstage/auth/v1/jwks.json`)).status).toBe(429);
    await lifecycle.start();
  });
});

// --- lifecycle gate ---------------------------------------------------------------------------

describe('httpRouter: lifecycle gate', () => {
  it('HTTP-016, HTTP-020: a request before startup is held, without a 401, until the startup hooks are called', async () => {
    const { service, base, lifecycle } = await startPlugin({ started: false });
    service.use(items());
    let settled = false;
    const held = fetch(`${base}/items`).then((response) => {
      settled = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);
    expect(calls).toHaveLength(0); // the barrier has not looked at it yet
    await lifecycle.start();
    expect((await held).status).toBe(401);
    const authorized = fetch(`${base}/items`, { headers: user });
    expect((await authorized).status).toBe(200);
  });

  it('HTTP-017: a request held longer than the pause timeout fails with 503 Service has not started up yet', async () => {
    const { base } = await startPlugin({ started: false, startupRequestPauseTimeoutMs: 30 });
    const response = await fetch(`${base}/items`, { headers: user });
    expect(response.status).toBe(503);
    expect((await response.json()) as Loose).toMatchObject({
      error: { name: 'ServiceUnavailableError', message: 'Service has not started up yet' },
    });
  });

  it('HTTP-018: after the shutdown hooks are called every request gets 503 Service is shutting down', async () => {
    const { service, base, lifecycle } = await startPlugin();
    service.use(items());
    expect((await fetch(`${base}/items`, { headers: user })).status).toBe(200);
    await lifecycle.stop();
    const response = await fetch(`${base}/items`, { headers: user });
    expect(response.status).toBe(503);
    expect((await response.json()) as Loose).toMatchObject({
      error: { name: 'ServiceUnavailableError', message: 'Service is shutting down' },
    });
  });

  it('HTTP-019: requests held when shutdown begins fail at once with 503', async () => {
    const { base, lifecycle } = await startPlugin({ started: false });
    const held = fetch(`${base}/items`, { headers: user });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await lifecycle.stop();
    const response = await held;
    expect(response.status).toBe(503);
    expect(((await response.json()) as Loose).error.message).toBe('Service is shutting down');
  });

  it('HTTP-021: a plugin marked failed answers at once with 503', async () => {
    const { plugin, base } = await startPlugin({ started: false });
    const held = fetch(`${base}/items`, { headers: user });
    await new Promise((resolve) => setTimeout(resolve, 20));
    plugin.gate.markFailed();
    expect((await held).status).toBe(503);
    expect((await fetch(`${base}/items`, { headers: user })).status).toBe(503);
  });
});

// --- credentials barrier ----------------------------------------------------------------------

describe('httpRouter: credentials barrier', () => {
  it('HTTP-022: requests without valid user or service credentials get 401', async () => {
    const { service, base } = await startPlugin();
    service.use(items());
    for (const headers of [{}, { authorization: 'Bearer bad' }] as Array<Record<string, string>>) {
      const response = await fetch(`${base}/items`, { headers });
      expect(response.status).toBe(401);
      expect(((await response.json()) as Loose).error.name).toBe('AuthenticationError');
    }
    expect(
      (await fetch(`${base}/items`, { headers: { authorization: 'Bearer service' } })).status,
    ).toBe(200);
  });

  it('HTTP-023: limited tokens and the cookie are refused outside user-cookie paths', async () => {
    const { service, base } = await startPlugin();
    service.use(items());
    expect(
      (await fetch(`${base}/items`, { headers: { authorization: 'Bearer limited' } })).status,
    ).toBe(401);
    expect(
      (await fetch(`${base}/items`, { headers: { cookie: 'backstage-auth=ok' } })).status,
    ).toBe(401);
    expect(calls.every((call) => call.allowLimitedAccess === false)).toBe(true);
  });

  it('HTTP-024: unauthenticated paths pass without any check, even with an invalid token', async () => {
    const { service, base } = await startPlugin();
    service.use(items());
    service.addAuthPolicy({ path: '/public', allow: 'unauthenticated' });
    const response = await fetch(`${base}/public/info`, {
      headers: { authorization: 'Bearer bad' },
    });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(0);
  });

  it('HTTP-025, HTTP-026: user-cookie paths accept limited tokens and the cookie, matched as route prefixes', async () => {
    const { service, base } = await startPlugin();
    service.use(items());
    service.addAuthPolicy({ path: '/static/:id', allow: 'user-cookie' });
    expect(
      (await fetch(`${base}/static/1`, { headers: { cookie: 'backstage-auth=ok' } })).status,
    ).toBe(200);
    expect(
      (await fetch(`${base}/static/1/logo.png`, { headers: { authorization: 'Bearer limited' } }))
        .status,
    ).toBe(200);
    expect((await fetch(`${base}/static/1`, { headers: user })).status).toBe(200);
    expect(
      (await fetch(`${base}/static`, { headers: { cookie: 'backstage-auth=ok' } })).status,
    ).toBe(401);
    expect(
      (await fetch(`${base}/items`, { headers: { cookie: 'backstage-auth=ok' } })).status,
    ).toBe(401);
  });

  it('HTTP-027: the policy paths / and * match every request path', async () => {
    for (const path of ['/', '*']) {
      const { service, base } = await startPlugin();
      service.use(items());
      service.addAuthPolicy({ path, allow: 'unauthenticated' });
      expect((await fetch(`${base}/items`)).status, path).toBe(200);
      expect((await fetch(`${base}/static/9/logo.png`)).status, path).toBe(200);
    }
  });

  it('HTTP-028: an unauthenticated policy wins whatever other policies match and in any order', async () => {
    const { service, base } = await startPlugin();
    service.use(items());
    service.addAuthPolicy({ path: '/static', allow: 'user-cookie' });
    service.addAuthPolicy({ path: '/static/:id', allow: 'unauthenticated' });
    expect((await fetch(`${base}/static/3`)).status).toBe(200);
  });

  it('HTTP-029, HTTP-031: with the default policy disabled everything passes, and policies are still validated', async () => {
    const { service, base } = await startPlugin({ disableDefaultAuthPolicy: true });
    service.use(items());
    expect((await fetch(`${base}/items`)).status).toBe(200);
    expect(calls).toHaveLength(0);
    expect(() => service.addAuthPolicy({ path: 'nope', allow: 'unauthenticated' })).toThrow(
      expect.objectContaining({ code: 'HTTP_INVALID_AUTH_POLICY_PATH' }),
    );
    expect(() => service.addAuthPolicy({ path: '/x', allow: 'nobody' as never })).toThrow(
      expect.objectContaining({ code: 'HTTP_INVALID_AUTH_POLICY' }),
    );
  });
});

// --- cookie routes and rate limits -------------------------------------------------------------

describe('httpRouter: cookie routes and rate limits', () => {
  it('HTTP-032: GET cookie behind the barrier issues the cookie and answers { expiresAt }', async () => {
    const { base } = await startPlugin();
    expect((await fetch(`${base}/.backstage/auth/v1/cookie`)).status).toBe(401);
    const response = await fetch(`${base}/.backstage/auth/v1/cookie`, { headers: user });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toContain('backstage-auth=ok');
    expect((await response.json()) as Loose).toEqual({ expiresAt: '2030-01-01T00:00:00.000Z' });
  });

  it('HTTP-033: DELETE cookie behind the barrier clears the cookie and answers 204', async () => {
    const { base } = await startPlugin();
    expect((await fetch(`${base}/.backstage/auth/v1/cookie`, { method: 'DELETE' })).status).toBe(
      401,
    );
    const response = await fetch(`${base}/.backstage/auth/v1/cookie`, {
      method: 'DELETE',
      headers: user,
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toContain('Max-Age=0');
  });

  it('HTTP-034, HTTP-036: a per-plugin limit applies before the barrier, so refused requests count', async () => {
    const limit = readRateLimitOptions(
      { incomingRequestLimit: 2, ipAllowList: [] },
      'backend.rateLimit.plugin.todo',
    )!;
    const { service, base } = await startPlugin({
      rateLimit: createRateLimiter(limit, 'plugin:todo').middleware,
    });
    service.use(items());
    expect((await fetch(`${base}/items`)).status).toBe(401);
    expect((await fetch(`${base}/items`)).status).toBe(401);
    expect((await fetch(`${base}/items`, { headers: user })).status).toBe(429);
  });

  it('HTTP-035: per-plugin limits keep separate counters', async () => {
    const options = readRateLimitOptions(
      { incomingRequestLimit: 1, ipAllowList: [] },
      'backend.rateLimit.plugin.x',
    )!;
    const a = await startPlugin({ rateLimit: createRateLimiter(options, 'plugin:x').middleware });
    const b = await startPlugin({ rateLimit: createRateLimiter(options, 'plugin:x').middleware });
    a.service.use(items());
    b.service.use(items());
    expect((await fetch(`${a.base}/items`, { headers: user })).status).toBe(200);
    expect((await fetch(`${b.base}/items`, { headers: user })).status).toBe(200);
    expect((await fetch(`${a.base}/items`, { headers: user })).status).toBe(429);
  });
});
