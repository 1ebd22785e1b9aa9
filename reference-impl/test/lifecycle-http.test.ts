import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreServices, createBackendModule, createBackendPlugin } from '../src/index.js';
import type { ShutdownResult } from '../src/runtime/ShutdownResult.js';
import {
  createBackendOn,
  writeHttpConfigFile,
  type HttpConfigFile,
} from './helpers/httpBackend.js';

/**
 * The lifecycle requirements that only show over real HTTP: what the server,
 * the plugin routes and readiness do while each phase runs. Runs on
 * `createBackend()` with its default services.
 */

const seen: Record<string, unknown> = {};
let baseUrl = '';
let releaseSlow: () => void = () => {};
let slowRequest: Promise<{ status: number; waitedMs: number }> | undefined;

async function status(path: string): Promise<number> {
  return (await fetch(`${baseUrl}${path}`)).status;
}

function routes(register: (router: express.Router) => void): express.Router {
  const router = express.Router();
  register(router);
  return router;
}

const plugin = createBackendPlugin({
  pluginId: 'p',
  register: (reg) =>
    reg.registerInit({
      deps: {
        http: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        root: coreServices.rootLifecycle,
      },
      async init({ http, lifecycle, root }) {
        const router = routes((r) => r.get('/ping', (_req, res) => res.json({ pong: true })));
        http.use(router);
        http.addAuthPolicy({
          path: '/',
          allow: 'unauthenticated',
        });
        root.addStartupHook(async () => {
          seen['rootStartup.ping'] = await status('/api/p/ping');
        });
        root.addBeforeShutdownHook(async () => {
          seen['beforeShutdown.readiness'] = await status('/.backstage/health/v1/readiness');
          seen['beforeShutdown.ping'] = await status('/api/p/ping');
        });
        lifecycle.addShutdownHook(async () => {
          seen['pluginShutdown.liveness'] = await status('/.backstage/health/v1/liveness');
        });
      },
    }),
});

const module = createBackendModule({
  pluginId: 'p',
  moduleId: 'extra',
  register: (reg) =>
    reg.registerInit({
      deps: { http: coreServices.httpRouter },
      async init({ http }) {
        http.use(routes((r) => r.get('/from-module', (_req, res) => res.json({ module: true }))));
      },
    }),
});

const slow = createBackendPlugin({
  pluginId: 'slow',
  register: (reg) =>
    reg.registerInit({
      deps: { http: coreServices.httpRouter },
      async init({ http }) {
        http.use(routes((r) => r.get('/x', (_req, res) => res.json({}))));
        http.addAuthPolicy({
          path: '/',
          allow: 'unauthenticated',
        });
        const began = Date.now();
        slowRequest = fetch(`${baseUrl}/api/slow/x`).then((r) => ({
          status: r.status,
          waitedMs: Date.now() - began,
        }));
        await slowRequest;
        await new Promise<void>((r) => (releaseSlow = r));
      },
    }),
});

describe('lifecycle phases over HTTP (createBackend)', () => {
  let config: HttpConfigFile | undefined;
  let shutdown: ShutdownResult;
  let afterStop: unknown;

  beforeAll(async () => {
    config = await writeHttpConfigFile('openstage-lifecycle-', [
      '  lifecycle:',
      '    startupRequestPauseTimeout: 100ms',
      '    serverShutdownDelay: 60ms',
    ]);
    baseUrl = config.baseUrl;
    const backend = createBackendOn(config.configFile);
    backend.add(plugin);
    backend.add(module);
    backend.add(slow);
    const started = backend.start();
    let failed: unknown;
    started.catch((error: unknown) => (failed = error));
    while (!slowRequest && failed === undefined) await new Promise((r) => setTimeout(r, 5));
    if (failed !== undefined) throw failed;
    seen['slow'] = await slowRequest;
    seen['module route'] = await status('/api/p/from-module');
    releaseSlow();
    await started;
    shutdown = await backend.stop();
    afterStop = await fetch(`${baseUrl}/.backstage/health/v1/liveness`).then(
      (r) => r.status,
      (error: unknown) => error,
    );
  }, 20_000);

  afterAll(async () => {
    await config?.remove();
  });

  it('MOD-022: handlers a module adds to its httpRouter are served under /api/<pluginId>', () => {
    expect(seen['module route']).toBe(200);
  });

  it('LIFE-042: a request to a plugin still starting is held for startupRequestPauseTimeout (a duration), then answered 503', () => {
    expect(seen['slow']).toMatchObject({ status: 503 });
    expect((seen['slow'] as { waitedMs: number }).waitedMs).toBeGreaterThanOrEqual(90);
  });

  it('LIFE-026: when root startup hooks run, started plugins answer without pausing', () => {
    expect(seen['rootStartup.ping']).toBe(200);
  });

  it('LIFE-028, LIFE-029, LIFE-030: during before-shutdown hooks readiness is 503 while plugin routes still answer', () => {
    expect(seen['beforeShutdown.readiness']).toBe(503);
    expect(seen['beforeShutdown.ping']).toBe(200);
  });

  it('LIFE-043: serverShutdownDelay is read as a duration and spent in the before-shutdown phase', () => {
    const before = shutdown.phases.find((p) => p.phase === 'beforeShutdown')!;
    expect(before.endAt.getTime() - before.beginAt.getTime()).toBeGreaterThanOrEqual(55);
  });

  it('LIFE-034: the server still listens during plugin shutdown hooks and is closed once stop() resolved', () => {
    expect(seen['pluginShutdown.liveness']).toBe(200);
    expect(afterStop).toBeInstanceOf(Error);
  });
});
