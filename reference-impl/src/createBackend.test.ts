import type { Config } from '@openstage/spec';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Router } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { coreServices } from './authoring/coreServices.js';
import { createBackendModule } from './authoring/createBackendModule.js';
import { createBackendPlugin } from './authoring/createBackendPlugin.js';
import { createBackend } from './createBackend.js';
import { defaultServiceFactories } from './defaultServiceFactories.js';
import { BackendStartupError } from './runtime/BackendStartupError.js';
import type { Backend } from './runtime/createSpecializedBackend.js';
import { rootConfigServiceFactory } from './services/rootConfig/index.js';
import { createBackendOn, writeHttpConfigFile } from '../test/helpers/httpBackend.js';
import { initPlugin } from '../test/helpers/features.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A backend from createBackend() on a temporary config file with a free port. */
async function backendOn(
  extraYaml: string[] = [],
  watch = false,
): Promise<{ backend: Backend; baseUrl: string; configFile: string }> {
  const { configFile, baseUrl, remove } = await writeHttpConfigFile(
    'openstage-create-backend-',
    extraYaml,
  );
  cleanups.push(remove);
  const backend = createBackendOn(configFile, watch);
  cleanups.push(() => backend.stop());
  return { backend, baseUrl, configFile };
}

function plugin(pluginId: string, init: () => Promise<void> = async () => {}) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({ deps: {}, init });
    },
  });
}

describe('defaultServiceFactories', () => {
  it('holds one factory for every core service but the two the runtime provides', () => {
    const ids = defaultServiceFactories.map((f) => f.service.id).sort();
    const expected = Object.values(coreServices)
      .map((ref) => ref.id)
      .filter((id) => id !== 'core.pluginMetadata' && id !== 'core.rootInstanceMetadata')
      .sort();
    expect(ids).toEqual(expected);
  });
});

describe('createBackend', () => {
  it('reports each plugin state on readiness, and degraded for an allowed plugin failure', async () => {
    const { backend, baseUrl } = await backendOn([
      '  startup:',
      '    plugins:',
      '      broken: { onPluginBootFailure: continue }',
      '      half: { modules: { flaky: { onPluginModuleBootFailure: continue } } }',
    ]);
    backend.add(plugin('fine'));
    backend.add(plugin('half'));
    backend.add(
      createBackendModule({
        pluginId: 'half',
        moduleId: 'flaky',
        register(env) {
          env.registerInit({
            deps: {},
            init: async () => Promise.reject(new Error('module boom')),
          });
        },
      }),
    );
    backend.add(plugin('broken', async () => Promise.reject(new Error('plugin boom'))));
    await backend.start();
    const readiness = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
    expect(readiness.status).toBe(200);
    expect(await readiness.json()).toEqual({
      status: 'degraded',
      plugins: {
        broken: { state: 'failed-allowed' },
        fine: { state: 'ready' },
        half: { state: 'ready', failedModules: ['flaky'] },
      },
    });
  });

  it('HLTH-018 to HLTH-024: readiness shows each plugin state at every moment, also during start() and stop(), over a real socket', async () => {
    const { backend, baseUrl } = await backendOn([
      '  startup:',
      '    plugins:',
      '      broken: { onPluginBootFailure: continue }',
    ]);
    const readiness = async () => {
      const response = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let slowEntered: () => void = () => {};
    const slowStarted = new Promise<void>((resolve) => (slowEntered = resolve));
    let duringShutdown: Awaited<ReturnType<typeof readiness>> | undefined;
    backend.add(plugin('broken', async () => Promise.reject(new Error('plugin boom'))));
    backend.add(
      initPlugin('slow', { lifecycle: coreServices.lifecycle }, async ({ lifecycle }) => {
        // Plugin shutdown hooks run while the root HTTP server still answers.
        lifecycle.addShutdownHook(async () => {
          duringShutdown = await readiness();
        });
        slowEntered();
        await gate;
      }),
    );
    const started = backend.start();
    await slowStarted;
    // The failure is recorded once broken's init has rejected; poll rather than guess a delay.
    // Before the runtime hook existed this state only appeared after start() resolved, which
    // the gate prevents, so the poll would time out.
    let during = await readiness();
    for (
      let waited = 0;
      waited < 2000 &&
      (during.body['plugins'] as Record<string, { state: string }>)['broken']?.state !==
        'failed-allowed';
      waited += 20
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      during = await readiness();
    }
    expect(during).toEqual({
      status: 503,
      body: {
        status: 'error',
        message: 'Backend has not started yet',
        plugins: { broken: { state: 'failed-allowed' }, slow: { state: 'starting' } },
      },
    });
    release();
    await started;
    expect(await readiness()).toEqual({
      status: 200,
      body: {
        status: 'degraded',
        plugins: { broken: { state: 'failed-allowed' }, slow: { state: 'ready' } },
      },
    });
    await backend.stop();
    expect(duringShutdown).toEqual({
      status: 503,
      body: {
        status: 'error',
        message: 'Backend is shutting down',
        plugins: { broken: { state: 'failed-allowed' }, slow: { state: 'stopping' } },
      },
    });
  });

  it('reports a plugin whose failure stopped the start as failed', async () => {
    const { backend, baseUrl } = await backendOn();
    backend.add(plugin('broken', async () => Promise.reject(new Error('plugin boom'))));
    const error = await backend.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackendStartupError);
    expect((error as BackendStartupError).result.plugins[0]).toMatchObject({
      pluginId: 'broken',
      outcome: 'failure',
    });
    const readiness = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({
      status: 'error',
      plugins: { broken: { state: 'failed' } },
    });
  });

  it('stops watching the configuration files once the backend has stopped (RCFG-039)', async () => {
    const { backend, configFile } = await backendOn(['custom: { value: one }'], true);
    const changes: string[] = [];
    let config: Config | undefined;
    backend.add(
      initPlugin('watcher', { config: coreServices.rootConfig }, async ({ config: c }) => {
        config = c;
      }),
    );
    await backend.start();
    const rewrite = async (value: string): Promise<void> => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(configFile, 'utf8');
      await writeFile(
        configFile,
        text.replace(/custom: \{ value: \w+ \}/, `custom: { value: ${value} }`),
      );
    };
    const changed = new Promise<void>((resolve) =>
      config!.subscribe!(() => {
        changes.push(config!.getOptionalString('custom.value') ?? '');
        resolve();
      }),
    );
    await rewrite('two');
    await changed;
    expect(changes).toEqual(['two']);

    await backend.stop();
    await rewrite('three');
    // Twenty debounce periods: a watcher still running would have reloaded by then.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(changes).toEqual(['two']);
    expect(config!.getOptionalString('custom.value')).toBe('two');
  });
});

describe('createBackend discovery on port 0', () => {
  it('DISC-023: with backend.listen port 0 the internal URL carries the port the server bound', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'openstage-create-backend-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const configFile = join(dir, 'app-config.yaml');
    await writeFile(
      configFile,
      [
        'app: { baseUrl: "http://localhost:3000" }',
        'backend:',
        '  baseUrl: http://localhost:7007',
        '  listen: { port: 0, host: 127.0.0.1 }',
        "  database: { client: better-sqlite3, connection: ':memory:' }",
        '  auth: { dangerouslyDisableDefaultAuthPolicy: true }',
        '',
      ].join('\n'),
    );
    const backend = createBackend();
    cleanups.push(() => backend.stop());
    backend.add(rootConfigServiceFactory({ argv: ['--config', configFile] }));
    let internalUrl: string | undefined;
    backend.add(
      initPlugin(
        'probe',
        { discovery: coreServices.discovery, http: coreServices.httpRouter },
        async ({ discovery, http }) => {
          const router = Router();
          router.get('/ping', (_req, res) => void res.json({ pong: true }));
          http.use(router);
          internalUrl = await discovery.getBaseUrl('probe');
        },
      ),
    );
    await backend.start();
    expect(internalUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/probe$/);
    expect(internalUrl).not.toMatch(/:0\//);
    // The URL reaches this very backend: the port is the bound one, not a guess.
    const response = await fetch(`${internalUrl}/ping`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ pong: true });
  });
});
