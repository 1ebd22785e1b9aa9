import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createBackendFeatureLoader,
  createBackendModule,
  createBackendPlugin,
  createExtensionPoint,
  createServiceRef,
} from '../../src/index.js';
import type { RuntimeRegistrationPoints } from '../../src/authoring/collectRegistration.js';
import { DefaultLifecycleService } from '../../src/services/lifecycle/DefaultLifecycleService.js';
import { ConfigReader } from '../../src/services/rootConfig/index.js';
import { MockLogger } from '../../src/testing/MockLogger.js';
import {
  createTestBackend,
  failingServiceFactory,
  findingsOf,
  rejectionOf,
  thrownBy,
} from '../helpers/testBackend.js';

interface PluginResult {
  pluginId: string;
  failure?: { error: Record<string, unknown> & Error };
  modules: Array<{ moduleId: string; failure?: { error: Record<string, unknown> & Error } }>;
}

/** The per-plugin results of a failed start(). */
async function failedStart(backend: ReturnType<typeof createTestBackend>): Promise<PluginResult[]> {
  const error = (await rejectionOf(backend.start())) as { code: string; result: unknown };
  await backend.stop();
  expect(error.code).toBe('BACK_STARTUP_FAILED');
  return (error.result as { plugins: PluginResult[] }).plugins;
}

const pluginWith = (pluginId: string, init: () => Promise<void>, deps = {}) =>
  createBackendPlugin({ pluginId, register: (reg) => reg.registerInit({ deps, init }) });

describe('error causes (CLS-037)', () => {
  it('CLS-037: a plugin init failure keeps the thrown error as cause', async () => {
    const original = new Error('database unreachable');
    const backend = createTestBackend();
    backend.add(
      pluginWith('fails', async () => {
        throw original;
      }),
    );
    const [result] = await failedStart(backend);
    expect(result!.failure!.error).toBeInstanceOf(Error);
    expect(result!.failure!.error.code).toBe('INIT_PLUGIN_INIT_FAILED');
    expect(result!.failure!.error.cause).toBe(original);
  });

  it('CLS-037: a failing service factory is kept along the whole chain of causes', async () => {
    const original = new Error('no connection');
    const ref = createServiceRef<string>({ id: 'req.fragile' });
    const backend = createTestBackend({
      defaultServiceFactories: [failingServiceFactory(ref, original)],
    });
    backend.add(pluginWith('consumer', async () => {}, { fragile: ref }));
    const [result] = await failedStart(backend);
    const error = result!.failure!.error;
    expect(error.code).toBe('INIT_DEPENDENCY_FAILED');
    const factoryError = error.cause as Record<string, unknown>;
    expect(factoryError).toBeInstanceOf(Error);
    expect(factoryError.code).toBe('SVC_FACTORY_FAILED');
    expect(factoryError.cause).toBe(original);
  });
});

describe('culprit properties (CLS-038)', () => {
  it('CLS-038: plugin, module and service failures name their culprit in pluginId, moduleId and serviceId', async () => {
    const ref = createServiceRef<string>({ id: 'req.broken-service' });
    const backend = createTestBackend({
      defaultServiceFactories: [failingServiceFactory(ref, new Error('nope'))],
    });
    backend.add(pluginWith('host', async () => {}));
    backend.add(
      createBackendModule({
        pluginId: 'host',
        moduleId: 'broken-module',
        register: (reg) =>
          reg.registerInit({
            deps: { svc: ref },
            init: async () => {},
          }),
      }),
    );
    const [host] = await failedStart(backend);
    const failure = host!.modules.find((m) => m.moduleId === 'broken-module')!.failure!.error;
    expect(failure).toMatchObject({ pluginId: 'host', moduleId: 'broken-module' });
    expect(failure.cause).toMatchObject({ serviceId: 'req.broken-service' });
  });

  it('CLS-038: a duplicate extension point names it in extensionPointId', async () => {
    const ep = createExtensionPoint<string>({ id: 'host.things' });
    const register = (
      reg: Parameters<Parameters<typeof createBackendPlugin>[0]['register']>[0],
    ) => {
      reg.registerExtensionPoint(ep, 'a');
      reg.registerExtensionPoint(ep, 'b');
      reg.registerInit({ deps: {}, init: async () => {} });
    };
    const findings = await findingsOf([createBackendPlugin({ pluginId: 'host', register })]);
    const duplicate = findings.find((f) => f.code === 'EXT_DUPLICATE_EXTENSION_POINT');
    expect(duplicate).toMatchObject({ extensionPointId: 'host.things' });
  });
});

describe('secrets stay out of errors (CLS-040)', () => {
  it('CLS-040: reading a secret configuration value with the wrong type does not reveal the value', () => {
    const secret = 's3cr3t-client-secret-value';
    const config = ConfigReader.fromData(
      { auth: { clientSecret: secret, keys: [{ secret }] } },
      'app-config.yaml',
    );
    const readers: Array<() => unknown> = [
      () => config.getNumber('auth.clientSecret'),
      () => config.getBoolean('auth.clientSecret'),
      () => config.getConfig('auth.clientSecret'),
      () => config.getStringArray('auth.clientSecret'),
      () => config.getConfigArray('auth.clientSecret'),
      () => config.getNumber('auth.keys[0].secret' as never),
      () => config.getString('auth.keys'),
    ];
    for (const read of readers) {
      const error = thrownBy(read) as Error & Record<string, unknown>;
      expect(error).toBeInstanceOf(Error);
      const shown = JSON.stringify({ ...error, message: error.message });
      expect(shown).not.toContain(secret);
    }
  });
});

/** Code -> the requirement ids that the chapters' `## Errors` tables assign it. */
function specAssignments(): Map<string, string[]> {
  const docs = join(import.meta.dirname, '../../../spec/docs');
  const codes = new Map<string, string[]>();
  for (const file of readdirSync(docs, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.md') || file === 'errors.md') continue;
    let inErrors = false;
    for (const line of readFileSync(join(docs, file), 'utf8').split('\n')) {
      if (line.startsWith('#')) inErrors = /^##+ Errors\s*$/.test(line);
      const match = inErrors ? /^\| `([A-Z][A-Z0-9_]+)` \| ([^|]+) \|/.exec(line) : null;
      if (match)
        codes.set(
          match[1]!,
          match[2]!.split(',').map((id) => id.trim()),
        );
    }
  }
  return codes;
}

const noInit = async () => {};

/** Conditions the specification assigns a code to, each with that code and how to cause it. */
const conditions: Array<[string, string, () => unknown]> = [
  [
    'a hook that is not a function',
    'LIFE_INVALID_HOOK',
    () => new DefaultLifecycleService(new MockLogger(), 'p').addStartupHook(7 as never),
  ],
  [
    'a register callback without registerInit',
    'FEAT_INIT_NOT_REGISTERED',
    () =>
      (
        createBackendPlugin({ pluginId: 'p', register: () => undefined }) as unknown as {
          getRegistrations(): unknown;
        }
      ).getRegistrations(),
  ],
  [
    'a connection type registered twice',
    'FEAT_DUPLICATE_CONNECTION',
    () =>
      (
        createBackendPlugin({
          pluginId: 'p',
          register(reg) {
            const points = reg as unknown as RuntimeRegistrationPoints;
            points.registerConnection({ type: 't', required: true });
            points.registerConnection({ type: 't', required: true });
            reg.registerInit({ deps: {}, init: noInit });
          },
        }) as unknown as { getRegistrations(): unknown }
      ).getRegistrations(),
  ],
  [
    'a config value of the wrong type',
    'RCFG_TYPE_MISMATCH',
    () => ConfigReader.fromData({ a: 'text' }, 'test').getConfig('a'),
  ],
  [
    'a loader item that is not a feature',
    'FEAT_INVALID_LOADER_ITEM',
    () =>
      (
        createBackendFeatureLoader({ loader: () => [1 as never] }) as unknown as {
          loader(deps: unknown): Promise<unknown>;
        }
      ).loader({}),
  ],
  [
    'a plugin whose init fails',
    'BACK_STARTUP_FAILED',
    () => {
      const backend = createTestBackend();
      backend.add(
        pluginWith('fails', async () => {
          throw new Error('x');
        }),
      );
      return backend.start().finally(() => backend.stop());
    },
  ],
];

/** What a condition raised: thrown synchronously or as a rejection. */
async function raised(cause: () => unknown): Promise<unknown> {
  try {
    await cause();
  } catch (error) {
    return error;
  }
  throw new Error('expected the condition to raise an error');
}

describe('coded errors (CLS-034 to CLS-036)', () => {
  it.each(conditions)(
    'CLS-034 CLS-035 CLS-036: %s raises an Error whose string code is %s',
    async (_condition, code, cause) => {
      const error = (await raised(cause)) as Error & { code?: unknown; requirement?: unknown };
      expect(error).toBeInstanceOf(Error);
      expect(typeof error.code).toBe('string');
      expect(error.code).toBe(code);
      // The code is the one the specification assigns to this condition's requirement.
      const assigned = specAssignments().get(code);
      expect(assigned, `${code} is not a code of the specification`).toBeDefined();
      if (typeof error.requirement === 'string') expect(assigned).toContain(error.requirement);
    },
  );
});
