import type { AuthService, HttpAuthService } from '@openstage/spec';
import { Router } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { coreServices } from '../../authoring/coreServices.js';
import { createBackendPlugin } from '../../authoring/createBackendPlugin.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import type { LoggerService } from '../../authoring/coreServiceTypes.js';
import { createSpecializedBackend, type Backend } from '../../runtime/createSpecializedBackend.js';
import type { ServiceFactory } from '../../wireFormat/types.js';
import { lifecycleServiceFactory } from '../lifecycle/index.js';
import { rootHealthServiceFactory } from '../rootHealth/index.js';
import { rootHttpRouterServiceFactory } from '../rootHttpRouter/index.js';
import { rootLifecycleServiceFactory } from '../rootLifecycle/index.js';
import { httpRouterServiceFactory } from './httpRouterServiceFactory.js';
import { configFromPaths } from '../../../test/helpers/configFromData.js';

// The factories under test run on the real runtime with a real config reader; logging and auth
// are small fakes.

function recordingLogger(messages: string[]): LoggerService {
  const logger: LoggerService = {
    error: (message) => void messages.push(message),
    warn: (message) => void messages.push(message),
    info: (message) => void messages.push(message),
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

function fakeFactories(messages: string[], config: Record<string, unknown>) {
  const logger = recordingLogger(messages);
  return [
    createServiceFactory({ service: coreServices.rootLogger, deps: {}, factory: () => logger }),
    createServiceFactory({ service: coreServices.logger, deps: {}, factory: () => logger }),
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => configFromPaths(config),
    }),
    createServiceFactory({
      service: coreServices.auth,
      deps: {},
      // A partial fake: the router only lists keys and asks for none-credentials.
      factory: () =>
        ({
          listPublicServiceKeys: async () => ({ keys: [{ kid: 'k' }] }),
          getNoneCredentials: async () => ({}),
        }) as unknown as AuthService,
    }),
    createServiceFactory({
      service: coreServices.httpAuth,
      deps: {},
      // A partial fake: any credentials object stands for a signed-in user.
      factory: () =>
        ({
          credentials: async (req: { headers: Record<string, unknown> }) => {
            if (req.headers['authorization'] === 'Bearer user') return {};
            throw Object.assign(new Error('Missing credentials'), { name: 'AuthenticationError' });
          },
          issueUserCookie: async () => ({ expiresAt: new Date(0) }),
        }) as unknown as HttpAuthService,
    }),
  ];
}

const backends: Backend[] = [];
afterEach(async () => {
  await Promise.all(backends.splice(0).map((backend) => backend.stop()));
});

function createBackend(
  config: Record<string, unknown> = {},
  rootRouterFactory: ServiceFactory = rootHttpRouterServiceFactory,
) {
  const messages: string[] = [];
  const backend = createSpecializedBackend({
    defaultServiceFactories: [
      ...fakeFactories(messages, { 'backend.listen': { host: '127.0.0.1', port: 0 }, ...config }),
      rootLifecycleServiceFactory,
      lifecycleServiceFactory,
      rootHealthServiceFactory,
      rootRouterFactory,
      httpRouterServiceFactory,
    ],
  });
  backends.push(backend);
  /** The server's address, from its `Listening on` log entry (it listens on port 0). */
  const base = (): string => {
    const line = messages.find((message) => message.startsWith('Listening on '));
    if (line === undefined)
      throw new Error(`No 'Listening on' entry in ${JSON.stringify(messages)}`);
    return `http://127.0.0.1:${line.split(':').pop()}`;
  };
  return { backend, base, messages };
}

function todoPlugin(onInit?: () => Promise<void>) {
  return createBackendPlugin({
    pluginId: 'todo',
    register(reg) {
      reg.registerInit({
        deps: { http: coreServices.httpRouter },
        async init({ http }) {
          const router = Router();
          router.get('/items', (_req, res) => void res.json(['a']));
          http.use(router);
          await onInit?.();
        },
      });
    },
  });
}

/** A plugin that depends on nothing, so it never asks for its httpRouter. */
function quietPlugin() {
  return createBackendPlugin({
    pluginId: 'quiet',
    register(reg) {
      reg.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('the HTTP factories on the runtime', () => {
  it('HTTP-001, HTTP-010, RHTTP-001: a plugin router is served at /api/<pluginId> behind the barrier', async () => {
    const { backend, base } = createBackend();
    backend.add(todoPlugin());
    await backend.start();
    expect((await fetch(`${base()}/api/todo/items`)).status).toBe(401);
    const ok = await fetch(`${base()}/api/todo/items`, {
      headers: { authorization: 'Bearer user' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual(['a']);
    expect((await fetch(`${base()}/api/todo/.backstage/auth/v1/jwks.json`)).status).toBe(200);
    expect((await fetch(`${base()}/api/unknown`)).status).toBe(404);
  });

  it('HTTP-009: a plugin that does not depend on httpRouter still gets a router', async () => {
    const { backend, base } = createBackend();
    backend.add(quietPlugin());
    await backend.start();
    expect((await fetch(`${base()}/api/quiet/.backstage/auth/v1/jwks.json`)).status).toBe(200);
    expect((await fetch(`${base()}/api/quiet/x`)).status).toBe(401);
  });

  it('RHTTP-015, HLTH-006, HLTH-011, HTTP-016: the server answers health while a plugin is still initializing, and holds its requests', async () => {
    let finishInit: () => void = () => {};
    const initGate = new Promise<void>((resolve) => (finishInit = resolve));
    let reachedInit: () => void = () => {};
    const inInit = new Promise<void>((resolve) => (reachedInit = resolve));
    const { backend, base } = createBackend();
    backend.add(
      todoPlugin(async () => {
        reachedInit();
        await initGate;
      }),
    );
    const started = backend.start();
    await inInit;
    const readiness = await fetch(`${base()}/.backstage/health/v1/readiness`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({
      status: 'error',
      message: 'Backend has not started yet',
    });
    expect((await fetch(`${base()}/.backstage/health/v1/liveness`)).status).toBe(200);
    let answered = false;
    const held = fetch(`${base()}/api/todo/items`, {
      headers: { authorization: 'Bearer user' },
    }).then((response) => {
      answered = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(answered).toBe(false);
    finishInit();
    await started;
    expect((await held).status).toBe(200);
    expect((await fetch(`${base()}/.backstage/health/v1/readiness`)).status).toBe(200);
  });

  it('HLTH-012, RHTTP-075, STOP-061: readiness is 200 after start, and stop() releases the server', async () => {
    const { backend, base } = createBackend();
    backend.add(todoPlugin());
    await backend.start();
    const url = base();
    expect((await fetch(`${url}/.backstage/health/v1/readiness`)).status).toBe(200);
    await backend.stop();
    await expect(fetch(`${url}/.backstage/health/v1/liveness`)).rejects.toThrow();
  });

  it('HTTP-030: disabling the default auth policy is logged as a warning naming the key', async () => {
    const { backend, base, messages } = createBackend({
      'backend.auth.dangerouslyDisableDefaultAuthPolicy': true,
    });
    backend.add(todoPlugin());
    await backend.start();
    expect((await fetch(`${base()}/api/todo/items`)).status).toBe(200);
    expect(
      messages.filter((message) =>
        message.includes('backend.auth.dangerouslyDisableDefaultAuthPolicy'),
      ),
    ).toHaveLength(1);
  });

  it('HTTP-017: an invalid startupRequestPauseTimeout fails startup naming the config path', async () => {
    const { backend } = createBackend({ 'backend.lifecycle.startupRequestPauseTimeout': 'soon' });
    backend.add(todoPlugin());
    const error = await backend.start().catch((e: unknown) => e);
    // The runtime's preflight or this factory reports it; either way with the code and the path.
    expect(JSON.stringify(error)).toContain('CONF_INVALID_DURATION');
    expect(JSON.stringify(error)).toContain(
      '"configPath":"backend.lifecycle.startupRequestPauseTimeout"',
    );
  });

  it('HLTH-015, HLTH-017, RHTTP-077: during serverShutdownDelay readiness is 503 while the server still answers', async () => {
    const { backend, base } = createBackend({ 'backend.lifecycle.serverShutdownDelay': '200ms' });
    backend.add(todoPlugin());
    await backend.start();
    const url = base();
    const stopping = backend.stop();
    const readiness = await fetch(`${url}/.backstage/health/v1/readiness`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({
      status: 'error',
      message: 'Backend is shutting down',
    });
    expect(
      (await fetch(`${url}/api/todo/items`, { headers: { authorization: 'Bearer user' } })).status,
    ).toBe(200);
    await stopping;
    await expect(fetch(`${url}/.backstage/health/v1/liveness`)).rejects.toThrow();
  });

  it('HTTP-034: backend.rateLimit.plugin.<pluginId> limits the requests of that plugin only', async () => {
    const { backend, base } = createBackend({
      'backend.rateLimit.plugin.todo': { incomingRequestLimit: 1, ipAllowList: [] },
    });
    backend.add(todoPlugin());
    backend.add(quietPlugin());
    await backend.start();
    const user = { headers: { authorization: 'Bearer user' } };
    expect((await fetch(`${base()}/api/todo/items`, user)).status).toBe(200);
    expect((await fetch(`${base()}/api/todo/items`, user)).status).toBe(429);
    for (let i = 0; i < 3; i++) {
      expect((await fetch(`${base()}/api/quiet/.backstage/auth/v1/jwks.json`)).status).toBe(200);
    }
  });

  it('RHTTP-009, RHTTP-013: the factory called with options is a factory of its own', async () => {
    const { backend, base } = createBackend({}, rootHttpRouterServiceFactory({ indexPath: false }));
    backend.add(todoPlugin());
    await backend.start();
    expect((await fetch(`${base()}/some/page`)).status).toBe(404);
    expect((await fetch(`${base()}/.backstage/health/v1/liveness`)).status).toBe(200);
  });
});
