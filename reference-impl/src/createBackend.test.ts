import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { coreServices } from './authoring/coreServices.js';
import { createBackendModule } from './authoring/createBackendModule.js';
import { createBackendPlugin } from './authoring/createBackendPlugin.js';
import { createBackend } from './createBackend.js';
import { defaultServiceFactories } from './defaultServiceFactories.js';
import { BackendStartupError } from './runtime/BackendStartupError.js';
import type { Backend } from './runtime/createSpecializedBackend.js';
import { rootConfigServiceFactory } from './services/rootConfig/index.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A backend from createBackend() on a temporary config file with a free port. */
async function backendOn(
  extraYaml: string[] = [],
  watch = false,
): Promise<{ backend: Backend; baseUrl: string; configFile: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'openstage-create-backend-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const configFile = join(dir, 'app-config.yaml');
  await writeFile(
    configFile,
    [
      'app: { baseUrl: "http://localhost:3000" }',
      'backend:',
      `  baseUrl: ${baseUrl}`,
      `  listen: { port: ${port}, host: 127.0.0.1 }`,
      "  database: { client: better-sqlite3, connection: ':memory:' }",
      ...extraYaml,
      '',
    ].join('\n'),
  );
  const backend = createBackend();
  backend.add(
    rootConfigServiceFactory({ argv: ['--config', configFile], watch, watchDebounceMs: 10 }),
  );
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
    let config:
      | { getOptionalString(key: string): string | undefined; subscribe?(fn: () => void): unknown }
      | undefined;
    backend.add(
      createBackendPlugin({
        pluginId: 'watcher',
        register(env) {
          env.registerInit({
            deps: { config: coreServices.rootConfig },
            async init({ config: c }) {
              config = c as unknown as typeof config;
            },
          });
        },
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
