import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '@openstage/spec';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreServices } from '../../authoring/coreServices.js';
import { initPlugin } from '../../../test/helpers/features.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { BackendInstanceRegistry } from '../../runtime/BackendInstanceRegistry.js';
import { createSpecializedBackend } from '../../runtime/createSpecializedBackend.js';
import { lifecycleServiceFactory } from '../../services/lifecycle/lifecycleServiceFactory.js';
import { rootLifecycleServiceFactory } from '../../services/rootLifecycle/rootLifecycleServiceFactory.js';
import { ConsoleLogger } from '../../services/rootLogger/ConsoleLogger.js';
import { closeRootConfig } from './closeRootConfig.js';
import { isConfigError } from './ConfigError.js';
import type { ConfigLogger } from './DefaultRootConfig.js';
import { getConfigSecrets } from './getConfigSecrets.js';
import { rootConfigServiceFactory } from './rootConfigServiceFactory.js';

let dir: string;
const quiet: ConfigLogger = { info: () => {}, warn: () => {}, error: () => {} };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openstage-rootconfig-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function backendWith(factory: ReturnType<typeof rootConfigServiceFactory>) {
  return createSpecializedBackend({
    instanceRegistry: new BackendInstanceRegistry({
      target: { addListener: () => undefined, removeListener: () => undefined },
      exit: () => undefined,
    }),
    defaultServiceFactories: [
      factory,
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => new ConsoleLogger({ level: 'error', sink: () => {} }),
      }),
      rootLifecycleServiceFactory,
      lifecycleServiceFactory,
    ],
  });
}

function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && chain.length < 10; e = (e as { cause?: unknown }).cause)
    chain.push(e);
  return chain;
}

describe('rootConfigServiceFactory', () => {
  it('RCFG-001: provides core.rootConfig with root scope, with or without options', () => {
    expect(rootConfigServiceFactory.service.id).toBe('core.rootConfig');
    expect(rootConfigServiceFactory.service.scope).toBe('root');
    expect(rootConfigServiceFactory({ watch: false }).service.id).toBe('core.rootConfig');
  });

  it('RCFG-031, RCFG-032: plugins read the loaded configuration; argv replaces process.argv', async () => {
    await writeFile(
      join(dir, 'prod.yaml'),
      'backend:\n  baseUrl: http://localhost:7007\ntodo:\n  limit: 5\n',
    );
    let seen: number | undefined;
    const backend = backendWith(
      rootConfigServiceFactory({
        cwd: dir,
        env: {},
        argv: ['node', 'main.js', '--config', 'prod.yaml'],
        watch: false,
        packageSchemas: false,
        logger: quiet,
      }),
    );
    backend.add(
      initPlugin('todo', { config: coreServices.rootConfig }, async ({ config }) => {
        seen = config.getNumber('todo.limit');
      }),
    );
    await backend.start();
    await backend.stop();
    expect(seen).toBe(5);
  });

  it('CONF-063: a validation failure rejects start() before any plugin init, reaching CONF_SCHEMA_VALIDATION_FAILED through cause', async () => {
    await writeFile(join(dir, 'app-config.yaml'), 'backend:\n  listen:\n    port: nope\n');
    let initialised = false;
    const backend = backendWith(
      rootConfigServiceFactory({
        cwd: dir,
        env: {},
        argv: [],
        watch: false,
        packageSchemas: false,
        logger: quiet,
      }),
    );
    backend.add(
      initPlugin('todo', {}, async () => {
        initialised = true;
      }),
    );
    const error = await backend.start().catch((e: unknown) => e);
    await backend.stop();
    expect(initialised).toBe(false);
    const validation = errorChain(error).find((e) =>
      isConfigError(e, 'CONF_SCHEMA_VALIDATION_FAILED'),
    );
    expect(validation).toBeDefined();
    expect(
      (validation as { problems: Array<{ path: string }> }).problems.map((p) => p.path),
    ).toEqual(['backend.baseUrl', 'backend.listen.port']);
  });

  it('CONF-069, RCFG-039: exposes the secrets to the logger and stops watching through closeRootConfig', async () => {
    await writeFile(
      join(dir, 'app-config.yaml'),
      'backend:\n  baseUrl: http://localhost:7007\n  database:\n    client: pg\n    connection: postgresql://u:${PW}@db/x\n',
    );
    let config: Config | undefined;
    const backend = backendWith(
      rootConfigServiceFactory({
        cwd: dir,
        env: { PW: 'pw' },
        argv: [],
        packageSchemas: false,
        logger: quiet,
      }),
    );
    backend.add(
      initPlugin('probe', { config: coreServices.rootConfig }, async (deps) => {
        config = deps.config;
      }),
    );
    await backend.start();
    await backend.stop();
    expect(config).toBeDefined();
    expect([...(getConfigSecrets(config!) ?? [])]).toEqual(['postgresql://u:pw@db/x']);
    expect(typeof config!.subscribe).toBe('function');
    closeRootConfig(config!);
    closeRootConfig(config!);
    expect(getConfigSecrets({} as Config)).toBeUndefined();
  });
});
