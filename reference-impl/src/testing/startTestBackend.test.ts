import { afterEach, describe, expect, it } from 'vitest';
import type {
  BackendFeature,
  HttpRouterService,
  HttpAuthService,
  SchedulerService,
} from '@openstage/spec';
import express from 'express';
import { createBackendModule } from '../authoring/createBackendModule.js';
import { createBackendPlugin } from '../authoring/createBackendPlugin.js';
import { createExtensionPoint } from '../authoring/createExtensionPoint.js';
import { coreServiceRefs as core } from './coreServiceRefs.js';
import { mockCredentials } from './mockCredentials.js';
import { mockServices } from './mockServices.js';
import { startTestBackend } from './startTestBackend.js';
import type { TestBackend } from '@openstage/spec';

const started: TestBackend[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((b) => b.stop()));
});
async function start(options: Parameters<typeof startTestBackend>[0]) {
  const backend = await startTestBackend(options);
  started.push(backend);
  return backend;
}

/** A plugin with one route that answers with the caller's principal and a config value. */
const echoPlugin = createBackendPlugin({
  pluginId: 'echo',
  register(reg) {
    reg.registerInit({
      deps: {
        router: core.httpRouter,
        httpAuth: core.httpAuth,
        config: core.rootConfig,
        discovery: core.discovery,
      },
      async init({ router, httpAuth, config, discovery }) {
        const app = express.Router();
        app.get('/whoami', async (req, res) => {
          const credentials = await (httpAuth as HttpAuthService).credentials(req);
          res.json({
            principal: credentials.principal,
            greeting: config.getOptionalString('echo.greeting') ?? null,
            base: await discovery.getBaseUrl('echo'),
          });
        });
        (router as HttpRouterService).use(app as never);
      },
    });
  },
}) as unknown as BackendFeature;

describe('startTestBackend', () => {
  it('TEST-001, TEST-006, TEST-021, TEST-022, TEST-028, TEST-029: serves plugin routes with mock auth on a free port', async () => {
    const backend = await start({ features: [echoPlugin] });
    const port = backend.server.port();
    expect(port).toBeGreaterThan(0);
    const res = await fetch(`http://localhost:${port}/api/echo/whoami`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      principal: { type: 'user', userEntityRef: 'user:default/mock' },
      greeting: null,
      base: `http://localhost:${port}/api/echo`,
    });
    const jane = await fetch(`http://localhost:${port}/api/echo/whoami`, {
      headers: { authorization: mockCredentials.user.header('user:default/jane') },
    });
    expect(((await jane.json()) as { principal: unknown }).principal).toEqual({
      type: 'user',
      userEntityRef: 'user:default/jane',
    });
    const bad = await fetch(`http://localhost:${port}/api/echo/whoami`, {
      headers: { authorization: mockCredentials.user.invalidHeader() },
    });
    expect(bad.status).toBe(401);
  });

  it('TEST-030: health endpoints, then routes, then a 404', async () => {
    const backend = await start({ features: [echoPlugin] });
    const base = `http://localhost:${backend.server.port()}`;
    expect((await fetch(`${base}/.backstage/health/v1/liveness`)).status).toBe(200);
    expect((await fetch(`${base}/api/echo/nope`)).status).toBe(404);
  });

  it('TEST-002, TEST-004, TEST-023: features may be promised module namespaces; a service factory overrides the default', async () => {
    const backend = await start({
      features: [
        Promise.resolve({ default: echoPlugin }),
        mockServices.rootConfig.factory({ data: { echo: { greeting: 'hi' } } }),
      ],
    });
    const body = (await (
      await fetch(`http://localhost:${backend.server.port()}/api/echo/whoami`)
    ).json()) as { greeting: string };
    expect(body.greeting).toBe('hi');
  });

  it('TEST-003: rejects with the error start() rejected with', async () => {
    const failing = createBackendPlugin({
      pluginId: 'failing',
      register(reg) {
        reg.registerInit({
          deps: {},
          async init() {
            throw new Error('init exploded');
          },
        });
      },
    }) as unknown as BackendFeature;
    await expect(startTestBackend({ features: [failing] })).rejects.toThrow(
      /init exploded|failing/,
    );
  });

  it('TEST-005: stop() can be called more than once', async () => {
    const backend = await startTestBackend({ features: [echoPlugin] });
    const first = await backend.stop();
    expect(await backend.stop()).toBe(first);
  });

  it('TEST-007: the server getter throws when the root HTTP router was replaced', async () => {
    const backend = await start({
      features: [echoPlugin, mockServices.rootHttpRouter.mock().factory],
    });
    expect(() => backend.server).toThrow(
      expect.objectContaining({ code: 'TEST_SERVER_UNAVAILABLE' }),
    );
  });

  it('TEST-008: the startup timeline is available', async () => {
    const backend = await start({ features: [echoPlugin] });
    expect(backend.getStartupTimeline().entries.some((e) => e.outcome === 'success')).toBe(true);
  });

  it('TEST-009: two test backends share no port and no in-memory state', async () => {
    const stash = createBackendPlugin({
      pluginId: 'stash',
      register(reg) {
        reg.registerInit({
          deps: { cache: core.cache, router: core.httpRouter },
          async init({ cache, router }) {
            const app = express.Router();
            app.post('/put', async (_req, res) => {
              await cache.set('k', 'v');
              res.end();
            });
            app.get('/get', async (_req, res) => {
              res.json({ value: (await cache.get('k')) ?? null });
            });
            (router as HttpRouterService).use(app as never);
          },
        });
      },
    }) as unknown as BackendFeature;
    const [a, b] = await Promise.all([start({ features: [stash] }), start({ features: [stash] })]);
    expect(a.server.port()).not.toBe(b.server.port());
    await fetch(`http://localhost:${a.server.port()}/api/stash/put`, { method: 'POST' });
    expect(await (await fetch(`http://localhost:${a.server.port()}/api/stash/get`)).json()).toEqual(
      { value: 'v' },
    );
    expect(await (await fetch(`http://localhost:${b.server.port()}/api/stash/get`)).json()).toEqual(
      { value: null },
    );
  });

  it('TEST-025, TEST-101: the mock scheduler runs tasks on startup', async () => {
    let runs = 0;
    const plugin = createBackendPlugin({
      pluginId: 'sched',
      register(reg) {
        reg.registerInit({
          deps: { scheduler: core.scheduler },
          async init({ scheduler }) {
            await (scheduler as SchedulerService).scheduleTask({
              id: 't',
              frequency: { minutes: 5 },
              timeout: { minutes: 1 },
              fn: async () => void runs++,
            });
          },
        });
      },
    }) as unknown as BackendFeature;
    await start({ features: [plugin] });
    expect(runs).toBe(1);
  });

  it('TEST-041: a module whose plugin is absent still initialises', async () => {
    let initialised = false;
    const module = createBackendModule({
      pluginId: 'absent',
      moduleId: 'lonely',
      register(reg) {
        reg.registerInit({
          deps: {},
          async init() {
            initialised = true;
          },
        });
      },
    }) as unknown as BackendFeature;
    await start({ features: [module] });
    expect(initialised).toBe(true);
  });

  it('TEST-042, TEST-043: extension points given as tuples reach the module under test', async () => {
    const ep = createExtensionPoint<{ add(name: string): void }>({ id: 'things.names' });
    const added: string[] = [];
    const module = createBackendModule({
      pluginId: 'things',
      moduleId: 'names',
      register(reg) {
        reg.registerInit({
          deps: { names: ep },
          async init({ names }) {
            names.add('ada');
          },
        });
      },
    }) as unknown as BackendFeature;
    await start({
      features: [module],
      extensionPoints: [[ep as never, { add: (name: string) => void added.push(name) }]],
    });
    expect(added).toEqual(['ada']);
  });

  it('TEST-044: an extension point no tested module uses is rejected by id', async () => {
    const ep = createExtensionPoint<object>({ id: 'nobody.uses' });
    await expect(
      startTestBackend({ features: [echoPlugin], extensionPoints: [[ep as never, {}]] }),
    ).rejects.toMatchObject({
      code: 'TEST_EXTENSION_POINT_UNUSED',
      extensionPointId: 'nobody.uses',
    });
  });

  it('TEST-024, TEST-026, TEST-027, TEST-031: silent logger, fake userInfo, allow-all permissions, in-memory SQLite', async () => {
    const seen: Record<string, unknown> = {};
    const probe = createBackendPlugin({
      pluginId: 'probe',
      register(reg) {
        reg.registerInit({
          deps: {
            permissions: core.permissions,
            userInfo: core.userInfo,
            database: core.database,
            rootLogger: core.rootLogger,
          },
          async init({ permissions, userInfo, database, rootLogger }) {
            seen['decision'] = await permissions.authorize(
              [{ permission: { type: 'basic', name: 'x', attributes: {} } }] as never,
              { credentials: mockCredentials.user() },
            );
            seen['info'] = await userInfo.getUserInfo(mockCredentials.user('user:default/ada'));
            const knex = (await database.getClient()) as {
              client: { config: { client: string; connection: { filename: string } } };
            };
            seen['db'] = [knex.client.config.client, knex.client.config.connection.filename];
            seen['logger'] = rootLogger.constructor.name;
          },
        });
      },
    }) as unknown as BackendFeature;
    await start({ features: [probe] });
    expect(seen).toEqual({
      decision: [{ result: 'ALLOW' }],
      info: { userEntityRef: 'user:default/ada', ownershipEntityRefs: ['user:default/ada'] },
      db: ['better-sqlite3', ':memory:'],
      logger: 'MockLogger',
    });
  });
});
