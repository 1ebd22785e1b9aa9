import { describe, expect, it } from 'vitest';
import {
  coreServices,
  createBackendFeatureLoader,
  createBackendModule,
  createBackendPlugin,
  createExtensionPoint,
  createExtensionPointFactoryMiddleware,
  createServiceFactory,
  createServiceRef,
  isOpenstageError,
  type BackendFeature,
  type BackendStartupError,
  type OpenstageError,
} from '../src/index.js';
import { BackendPreflightError } from '../src/runtime/preflight/BackendPreflightError.js';
import {
  createTestBackend,
  failingServiceFactory,
  loaderDescription,
  rejectionOf,
  thrownBy,
} from './helpers/testBackend.js';
import { initPlugin, throws } from './helpers/features.js';

const plugin = (
  pluginId: string,
  init: () => Promise<void> | void = () => {},
  deps: Record<string, unknown> = {},
) =>
  createBackendPlugin({
    pluginId,
    register(reg) {
      reg.registerInit({
        deps: deps as Record<string, never>,
        async init() {
          await init();
        },
      });
    },
  });

const mod = (pluginId: string, moduleId: string, init: () => Promise<void> | void = () => {}) =>
  createBackendModule({
    pluginId,
    moduleId,
    register(reg) {
      reg.registerInit({
        deps: {},
        async init() {
          await init();
        },
      });
    },
  });

async function preflightCodes(
  features: unknown[],
  defaults: Parameters<typeof createTestBackend>[0] = {},
): Promise<string[]> {
  const backend = createTestBackend(defaults);
  for (const f of features) backend.add(f as BackendFeature);
  const error = await rejectionOf(backend.start());
  expect(error).toBeInstanceOf(BackendPreflightError);
  return (error as BackendPreflightError).findings
    .filter((f) => f.severity === 'error')
    .map((f) => f.code);
}

describe('backend instance', () => {
  it('BACK-005 SVC_DUPLICATE_FACTORY: duplicate default factories throw synchronously', () => {
    const ref = createServiceRef<string>({ id: 'x.dup', scope: 'root' });
    const f = createServiceFactory({ service: ref, deps: {}, factory: () => 'a' });
    const error = thrownBy(() => createTestBackend({ defaultServiceFactories: [f, f] }));
    expect(isOpenstageError(error, 'SVC_DUPLICATE_FACTORY')).toBe(true);
    expect((error as OpenstageError<'SVC_DUPLICATE_FACTORY'>).details.serviceId).toBe('x.dup');
  });

  it('BACK-006 SVC_PLUGIN_METADATA_OVERRIDE: a default for core.pluginMetadata throws', () => {
    const f = createServiceFactory({
      service: coreServices.pluginMetadata,
      deps: {},
      factory: () => ({ getId: () => 'x' }),
    });
    expect(
      isOpenstageError(
        thrownBy(() => createTestBackend({ defaultServiceFactories: [f] })),
        'SVC_PLUGIN_METADATA_OVERRIDE',
      ),
    ).toBe(true);
  });

  it('SVC-047 SVC_CIRCULAR_DEPENDENCY: cyclic defaults throw synchronously with the whole cycle', () => {
    const a = createServiceRef<string>({ id: 'a', scope: 'root' });
    const b = createServiceRef<string>({ id: 'b', scope: 'root' });
    const error = thrownBy(() =>
      createTestBackend({
        defaultServiceFactories: [
          createServiceFactory({ service: a, deps: { b }, factory: () => 'a' }),
          createServiceFactory({ service: b, deps: { a }, factory: () => 'b' }),
        ],
      }),
    ) as OpenstageError<'SVC_CIRCULAR_DEPENDENCY'>;
    expect(error.code).toBe('SVC_CIRCULAR_DEPENDENCY');
    expect(error.details.cycle).toEqual(['a', 'b', 'a']);
  });

  it('BACK-011 accepts features, promises of { default } and module namespaces', async () => {
    const seen: string[] = [];
    const backend = createTestBackend();
    backend.add(plugin('a', () => void seen.push('a')));
    backend.add(Promise.resolve({ default: plugin('b', () => void seen.push('b')) }));
    // A CommonJS-style namespace nests `default` twice, which the type of add() leaves out.
    backend.add({
      default: { default: plugin('c', () => void seen.push('c')) },
    } as unknown as BackendFeature);
    await backend.start();
    expect(seen.sort()).toEqual(['a', 'b', 'c']);
    await backend.stop();
  });

  it('BACK-014 BACK_ADD_AFTER_START: add() after start() throws', async () => {
    const backend = createTestBackend();
    await backend.start();
    expect(
      isOpenstageError(
        thrownBy(() => backend.add(plugin('late'))),
        'BACK_ADD_AFTER_START',
      ),
    ).toBe(true);
    await backend.stop();
  });

  it('BACK-023 BACK_ALREADY_STARTED and BACK-024 BACK_ALREADY_STOPPED', async () => {
    const backend = createTestBackend();
    await backend.start();
    expect(isOpenstageError(await rejectionOf(backend.start()), 'BACK_ALREADY_STARTED')).toBe(true);
    const other = createTestBackend();
    await other.stop();
    expect(isOpenstageError(await rejectionOf(other.start()), 'BACK_ALREADY_STOPPED')).toBe(true);
    await backend.stop();
  });

  it('BACK-017 BACK_FEATURE_REJECTED: a rejected feature promise names its path', async () => {
    const backend = createTestBackend();
    backend.add(Promise.reject(new Error('import failed')) as Promise<{ default: BackendFeature }>);
    const error = (await rejectionOf(backend.start())) as BackendPreflightError;
    expect(error.code).toBe('INIT_PREFLIGHT_FAILED');
    expect(error.findings[0]).toMatchObject({ code: 'BACK_FEATURE_REJECTED', path: 'features[0]' });
  });

  it('BACK-019 feature validation errors name the path (FEAT_UNKNOWN_FEATURE_TYPE, FEAT_INVALID_TYPE_TAG, FEAT_UNSUPPORTED_VERSION, FEAT_NOT_A_FEATURE)', async () => {
    const backend = createTestBackend();
    backend.add(plugin('ok'));
    backend.add({
      $$type: '@backstage/BackendFeature',
      version: 'v1',
      featureType: 'bogus',
    } as BackendFeature);
    // The casts hand add() what JavaScript callers could, so that validation reports it.
    backend.add({ $$type: 'nope' } as unknown as BackendFeature);
    backend.add({ $$type: '@backstage/BackendFeature', version: 'v2' } as BackendFeature);
    backend.add(42 as unknown as BackendFeature);
    const { ok, findings } = await backend.validate();
    expect(ok).toBe(false);
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['FEAT_INVALID_TYPE_TAG', 'features[2].$$type'],
      ['FEAT_NOT_A_FEATURE', 'features[4]'],
      ['FEAT_UNKNOWN_FEATURE_TYPE', 'features[1].featureType'],
      ['FEAT_UNSUPPORTED_VERSION', 'features[3].version'],
    ]);
  });

  it('BACK-026 BACK_DUPLICATE_PLUGIN_ID and BACK-031 BACK_DUPLICATE_MODULE_ID are preflight errors naming every path', async () => {
    const backend = createTestBackend();
    backend.add(plugin('p'));
    backend.add(plugin('p'));
    backend.add(mod('p', 'm'));
    backend.add(mod('p', 'm'));
    const { findings } = await backend.validate();
    expect(findings).toMatchObject([
      { code: 'BACK_DUPLICATE_MODULE_ID', pluginId: 'p', moduleId: 'm' },
      { code: 'BACK_DUPLICATE_PLUGIN_ID', pluginId: 'p' },
    ]);
    expect(findings[1]!.message).toContain('features[0]');
    expect(findings[1]!.message).toContain('features[1]');
  });

  it('BACK-033 BACK-034 BACK-036 BACK_ORPHAN_MODULE: an orphan module is a warning, never initialized, never in the result', async () => {
    let called = false;
    const backend = createTestBackend();
    backend.add(mod('absent', 'm', () => void (called = true)));
    const { ok, findings } = await backend.validate();
    expect(ok).toBe(true);
    expect(findings).toMatchObject([
      { code: 'BACK_ORPHAN_MODULE', severity: 'warning', pluginId: 'absent', moduleId: 'm' },
    ]);
    const { result } = await backend.start();
    expect(called).toBe(false);
    expect(result.plugins).toEqual([]);
    expect(backend.logs.some((l) => l.level === 'warn' && l.message.includes("'m'"))).toBe(true);
    await backend.stop();
  });

  it('BACK-037 BACK-038 BACK-039 BACK-040 core.rootInstanceMetadata lists installed plugins and modules, deep-frozen', async () => {
    let installed: unknown;
    const backend = createTestBackend();
    backend.add(
      initPlugin('a', { meta: coreServices.rootInstanceMetadata }, async ({ meta }) => {
        installed = await meta.getInstalledPlugins();
      }),
    );
    backend.add(mod('a', 'm1'));
    backend.add(mod('orphan', 'x'));
    await backend.start();
    expect(installed).toEqual([{ pluginId: 'a', modules: [{ moduleId: 'm1' }] }]);
    expect(Object.isFrozen(installed)).toBe(true);
    expect(Object.isFrozen((installed as Array<{ modules: unknown }>)[0]!.modules)).toBe(true);
    await backend.stop();
  });

  it('BACK-041 BACK-044 BACK-046 BACK-047 the result has dates and durations, sorted by id', async () => {
    const backend = createTestBackend();
    backend.add(plugin('zeta'));
    backend.add(plugin('alpha', () => new Promise((r) => setTimeout(r, 5))));
    backend.add(mod('alpha', 'mb'));
    backend.add(mod('alpha', 'ma'));
    const { result } = await backend.start();
    expect(result.plugins.map((p) => p.pluginId)).toEqual(['alpha', 'zeta']);
    expect(result.plugins[0]!.modules.map((m) => m.moduleId)).toEqual(['ma', 'mb']);
    for (const p of result.plugins) {
      expect(p.beginAt).toBeInstanceOf(Date);
      expect(p.durationMs).toBe(p.resultAt.getTime() - p.beginAt!.getTime());
      expect(p.durationMs!).toBeGreaterThanOrEqual(0);
    }
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    await backend.stop();
  });

  it('BACK-055 BACK-056 BACK-057 stop() is idempotent and runs hooks once', async () => {
    let shutdowns = 0;
    const backend = createTestBackend();
    backend.add(
      initPlugin('p', { lifecycle: coreServices.lifecycle }, async ({ lifecycle }) => {
        lifecycle.addShutdownHook(() => void shutdowns++);
      }),
    );
    await createTestBackend().stop();
    await backend.start();
    await Promise.all([backend.stop(), backend.stop()]);
    await backend.stop();
    expect(shutdowns).toBe(1);
  });

  it('BACK-060 BACK-063 BACK-065 validate() returns { ok, findings } without calling any init or factory', async () => {
    let calls = 0;
    const ref = createServiceRef<string>({ id: 'x.svc' });
    const backend = createTestBackend({
      defaultServiceFactories: [
        createServiceFactory({
          service: ref,
          deps: {},
          factory: () => {
            calls++;
            return 'x';
          },
        }),
      ],
    });
    backend.add(plugin('p', () => void calls++, { ref }));
    const result = await backend.validate();
    expect(result).toEqual({ ok: true, findings: [] });
    expect(calls).toBe(0);
    await backend.start();
    expect(calls).toBe(2);
    await backend.stop();
  });

  it('BACK-074 BACK_ALREADY_STARTED: validate() after start() rejects', async () => {
    const backend = createTestBackend();
    await backend.start();
    expect(isOpenstageError(await rejectionOf(backend.validate()), 'BACK_ALREADY_STARTED')).toBe(
      true,
    );
    await backend.stop();
  });
});

describe('services', () => {
  it('SVC-050 SVC_DUPLICATE_FACTORY: two added singleton factories for one id', async () => {
    const ref = createServiceRef<string>({ id: 'x.s' });
    const f = createServiceFactory({ service: ref, deps: {}, factory: () => 'x' });
    expect(await preflightCodes([f, f, plugin('p', () => {}, { ref })])).toEqual([
      'SVC_DUPLICATE_FACTORY',
    ]);
  });

  it('SVC-041 SVC_PLUGIN_METADATA_OVERRIDE: an added pluginMetadata factory', async () => {
    const f = createServiceFactory({
      service: coreServices.pluginMetadata,
      deps: {},
      factory: () => ({ getId: () => 'x' }),
    });
    expect(await preflightCodes([f])).toEqual(['SVC_PLUGIN_METADATA_OVERRIDE']);
  });

  it('SVC-048 SVC_CIRCULAR_DEPENDENCY: cycles among added factories fail instead of hanging, listing the whole cycle', async () => {
    const a = createServiceRef<string>({ id: 'c.a' });
    const b = createServiceRef<string>({ id: 'c.b' });
    const c = createServiceRef<string>({ id: 'c.c' });
    const backend = createTestBackend();
    backend.add(createServiceFactory({ service: a, deps: { b }, factory: () => 'a' }));
    backend.add(createServiceFactory({ service: b, deps: { c }, factory: () => 'b' }));
    backend.add(createServiceFactory({ service: c, deps: { a }, factory: () => 'c' }));
    backend.add(plugin('p', () => {}, { a }));
    const error = (await rejectionOf(backend.start())) as BackendPreflightError;
    expect(error.findings).toMatchObject([
      { code: 'SVC_CIRCULAR_DEPENDENCY', cycle: ['c.a', 'c.b', 'c.c', 'c.a'] },
    ]);
  });

  it('SVC-042 SVC_SCOPE_VIOLATION: a root service depending on a plugin service', async () => {
    const root = createServiceRef<string>({ id: 'r.root', scope: 'root' });
    const plug = createServiceRef<string>({ id: 'r.plugin' });
    const backend = createTestBackend({
      defaultServiceFactories: [
        // Typed deps forbid this; the wire format does not, so cast the ref.
        createServiceFactory({
          service: root,
          deps: { plug: plug as unknown as typeof root },
          factory: () => 'r',
        }),
        createServiceFactory({ service: plug, deps: {}, factory: () => 'p' }),
      ],
    });
    const { findings } = await backend.validate();
    expect(findings).toMatchObject([{ code: 'SVC_SCOPE_VIOLATION', serviceId: 'r.root' }]);
  });

  it('INIT-053 INIT-054 INIT_MISSING_DEPENDENCY: every missing dep is one finding naming the consumer and key', async () => {
    const missing = createServiceRef<string>({ id: 'nope.a' });
    const missing2 = createServiceRef<string>({ id: 'nope.b' });
    const backend = createTestBackend();
    backend.add(plugin('p', () => {}, { missing, missing2 }));
    const { findings } = await backend.validate();
    expect(findings).toMatchObject([
      { code: 'INIT_MISSING_DEPENDENCY', pluginId: 'p' },
      { code: 'INIT_MISSING_DEPENDENCY', pluginId: 'p' },
    ]);
    expect(findings.map((f) => f.message).join()).toContain('serviceRef{nope.b}');
  });

  it('INIT-055 a missing multiton resolves to [] and multitons collect every factory in order', async () => {
    const none = createServiceRef<string>({ id: 'm.none', multiton: true });
    const many = createServiceRef<string>({ id: 'm.many', multiton: true });
    let got: unknown;
    const backend = createTestBackend({
      defaultServiceFactories: [
        createServiceFactory({ service: many, deps: {}, factory: () => 'default' }),
      ],
    });
    backend.add(createServiceFactory({ service: many, deps: {}, factory: () => 'added' }));
    backend.add(
      initPlugin('p', { none, many }, async (deps) => {
        got = deps;
      }),
    );
    await backend.start();
    expect(got).toEqual({ none: [], many: ['default', 'added'] });
    await backend.stop();
  });

  it('SVC-015 createRootContext runs once per factory; plugin instances are per plugin', async () => {
    let contexts = 0;
    const ref = createServiceRef<string>({ id: 'ctx.svc' });
    const got: string[] = [];
    const backend = createTestBackend({
      defaultServiceFactories: [
        createServiceFactory({
          service: ref,
          deps: { meta: coreServices.pluginMetadata },
          createRootContext: () => ++contexts,
          factory: ({ meta }, ctx) => `${meta.getId()}:${ctx}`,
        }),
      ],
    });
    for (const id of ['a', 'b']) {
      backend.add(
        initPlugin(id, { ref }, async ({ ref }) => {
          got.push(ref);
        }),
      );
    }
    await backend.start();
    expect(contexts).toBe(1);
    expect(got.sort()).toEqual(['a:1', 'b:1']);
    await backend.stop();
  });

  it('SVC precedence: added > loader > default > ref defaultFactory', async () => {
    const make = (id: string) =>
      createServiceRef<string>({
        id,
        defaultFactory: async (service) =>
          createServiceFactory({ service, deps: {}, factory: () => 'ref' }),
      });
    const [s1, s2, s3, s4] = [make('p.1'), make('p.2'), make('p.3'), make('p.4')];
    const fac = (ref: typeof s1, v: string) =>
      createServiceFactory({ service: ref, deps: {}, factory: () => v });
    let got: unknown;
    const backend = createTestBackend({
      defaultServiceFactories: [fac(s1, 'default'), fac(s2, 'default'), fac(s3, 'default')],
    });
    backend.add(
      createBackendFeatureLoader({ loader: () => [fac(s1, 'loader'), fac(s2, 'loader')] }),
    );
    backend.add(fac(s1, 'added'));
    backend.add(
      initPlugin('p', { s1, s2, s3, s4 }, async (d) => {
        got = d;
      }),
    );
    await backend.start();
    expect(got).toEqual({ s1: 'added', s2: 'loader', s3: 'default', s4: 'ref' });
    const graph = await backend.graph();
    const node = graph.nodes.find((n) => n.id === 'service:p.1');
    expect(node).toMatchObject({
      factories: [{ source: 'added' }],
      overridden: [{ source: 'default' }, { source: 'loader' }],
    });
    await backend.stop();
  });

  it('SVC-059 SVC_FACTORY_FAILED wrapped in INIT_DEPENDENCY_FAILED for the plugin', async () => {
    const ref = createServiceRef<string>({ id: 'f.fail' });
    const backend = createTestBackend({
      defaultServiceFactories: [failingServiceFactory(ref, new Error('boom'))],
    });
    backend.add(plugin('p', () => {}, { ref }));
    const error = (await rejectionOf(backend.start())) as BackendStartupError;
    const failure = error.result.plugins[0]!.failure!;
    expect(failure.error).toMatchObject({
      code: 'INIT_DEPENDENCY_FAILED',
      details: { pluginId: 'p', serviceId: 'f.fail' },
    });
    expect((failure.error.cause as OpenstageError).code).toBe('SVC_FACTORY_FAILED');
  });

  it('INIT-012 INIT_ROOT_SERVICE_FAILED: a failing eager root service rejects start()', async () => {
    const ref = createServiceRef<string>({ id: 'root.fail', scope: 'root' });
    const backend = createTestBackend({
      defaultServiceFactories: [failingServiceFactory(ref, new Error('no'))],
    });
    const error = await rejectionOf(backend.start());
    expect(error).toMatchObject({
      code: 'INIT_ROOT_SERVICE_FAILED',
      details: { serviceId: 'root.fail' },
    });
  });

  it('INIT-010 INIT-011 INIT-021 eager and lazy initialization', async () => {
    const created: string[] = [];
    const rootLazy = createServiceRef<void>({ id: 'e.rootLazy', scope: 'root' });
    const rootEager = createServiceRef<void>({ id: 'e.rootEager', scope: 'root' });
    const pluginAlways = createServiceRef<void>({ id: 'e.always' });
    const pluginLazy = createServiceRef<void>({ id: 'e.lazy' });
    const backend = createTestBackend({
      defaultServiceFactories: [
        createServiceFactory({
          service: rootLazy,
          initialization: 'lazy',
          deps: {},
          factory: () => void created.push('rootLazy'),
        }),
        createServiceFactory({
          service: rootEager,
          deps: {},
          factory: () => void created.push('rootEager'),
        }),
        createServiceFactory({
          service: pluginAlways,
          initialization: 'always',
          deps: { m: coreServices.pluginMetadata },
          factory: ({ m }) => void created.push(`always:${m.getId()}`),
        }),
        createServiceFactory({
          service: pluginLazy,
          deps: {},
          factory: () => void created.push('lazy'),
        }),
      ],
    });
    backend.add(plugin('a'));
    backend.add(plugin('b'));
    await backend.start();
    expect(created.sort()).toEqual(['always:a', 'always:b', 'rootEager']);
    await backend.stop();
  });
});

describe('plugins, modules and extension points', () => {
  it('INIT-031 INIT-032 INIT-033 INIT-034 ordering: always services, consumer modules, provider modules, plugin, hooks', async () => {
    const order: string[] = [];
    const ep = createExtensionPoint<{ push(s: string): void }>({ id: 'o.ep' });
    const always = createServiceRef<void>({ id: 'o.always' });
    const backend = createTestBackend({
      defaultServiceFactories: [
        createServiceFactory({
          service: always,
          initialization: 'always',
          deps: {},
          factory: () => void order.push('always'),
        }),
      ],
    });
    backend.add(
      initPlugin('p', { lifecycle: coreServices.lifecycle }, async ({ lifecycle }) => {
        order.push('plugin');
        lifecycle.addStartupHook(() => void order.push('hook'));
      }),
    );
    backend.add(
      createBackendModule({
        pluginId: 'p',
        moduleId: 'provider',
        register(reg) {
          const items: string[] = [];
          reg.registerExtensionPoint(ep, { push: (s) => items.push(s) });
          reg.registerInit({
            deps: {},
            async init() {
              order.push(`provider saw ${items.join(',')}`);
            },
          });
        },
      }),
    );
    backend.add(
      createBackendModule({
        pluginId: 'p',
        moduleId: 'consumer',
        register(reg) {
          reg.registerInit({
            deps: { ep },
            async init({ ep }) {
              order.push('consumer');
              ep.push('x');
            },
          });
        },
      }),
    );
    await backend.start();
    expect(order).toEqual(['always', 'consumer', 'provider saw x', 'plugin', 'hook']);
    await backend.stop();
  });

  it('INIT-036 INIT-037 INIT_MODULE_CYCLE: modules that consume each other\u2019s extension points', async () => {
    const ep1 = createExtensionPoint<object>({ id: 'cy.1' });
    const ep2 = createExtensionPoint<object>({ id: 'cy.2' });
    const m = (moduleId: string, provides: typeof ep1, consumes: typeof ep1) =>
      createBackendModule({
        pluginId: 'p',
        moduleId,
        register(reg) {
          reg.registerExtensionPoint(provides, {});
          reg.registerInit({ deps: { consumes }, async init() {} });
        },
      });
    const backend = createTestBackend();
    backend.add(plugin('p'));
    backend.add(m('m1', ep1, ep2));
    backend.add(m('m2', ep2, ep1));
    const { findings } = await backend.validate();
    expect(findings).toMatchObject([
      { code: 'INIT_MODULE_CYCLE', pluginId: 'p', cycle: ['m1', 'm2', 'm1'] },
    ]);
  });

  it('EXT-012 EXT_DUPLICATE_EXTENSION_POINT, EXT-021 EXT-022 EXT_FOREIGN_EXTENSION_POINT, EXT-023 PLUG-009 EXT_ILLEGAL_DEPENDENCY', async () => {
    const ep = createExtensionPoint<object>({ id: 'x.ep' });
    const backend = createTestBackend();
    backend.add(
      createBackendPlugin({
        pluginId: 'a',
        register(reg) {
          reg.registerExtensionPoint(ep, {});
          reg.registerInit({ deps: {}, async init() {} });
        },
      }),
    );
    backend.add(
      createBackendModule({
        pluginId: 'a',
        moduleId: 'again',
        register(reg) {
          reg.registerExtensionPoint(ep, {});
          reg.registerInit({ deps: {}, async init() {} });
        },
      }),
    );
    backend.add(plugin('b'));
    backend.add(
      createBackendModule({
        pluginId: 'b',
        moduleId: 'thief',
        register(reg) {
          reg.registerInit({ deps: { ep }, async init() {} });
        },
      }),
    );
    backend.add(plugin('c', () => {}, { ep }));
    const { findings } = await backend.validate();
    expect(findings.map((f) => f.code)).toEqual([
      'EXT_DUPLICATE_EXTENSION_POINT',
      'EXT_FOREIGN_EXTENSION_POINT',
      'EXT_ILLEGAL_DEPENDENCY',
    ]);
    expect(findings[1]!).toMatchObject({ pluginId: 'b', moduleId: 'thief' });
    expect(findings[2]!).toMatchObject({ pluginId: 'c' });
  });

  it('INIT-079 INIT_MODULE_INIT_FAILED: a failing module still lets the plugin init run', async () => {
    let pluginRan = false;
    const backend = createTestBackend();
    backend.add(plugin('p', () => void (pluginRan = true)));
    backend.add(
      mod('p', 'bad', () => {
        throw new Error('module broke');
      }),
    );
    const error = (await rejectionOf(backend.start())) as BackendStartupError;
    expect(pluginRan).toBe(true);
    expect(error.code).toBe('BACK_STARTUP_FAILED');
    expect(error.name).toBe('BackendStartupError');
    expect(error.message).toMatch(/^Backend startup failed due to the following errors:/);
    expect(error.result.plugins[0]!.modules[0]!.failure).toMatchObject({
      allowed: false,
      error: { code: 'INIT_MODULE_INIT_FAILED' },
    });
  });

  it('INIT-078 INIT-067 BACK-021 PLUG-018 allowed plugin failure with onPluginBootFailure: continue', async () => {
    const backend = createTestBackend({
      config: { backend: { startup: { plugins: { bad: { onPluginBootFailure: 'continue' } } } } },
    });
    backend.add(plugin('bad', throws('nope')));
    backend.add(plugin('good'));
    const { result } = await backend.start();
    expect(result.outcome).toBe('success');
    expect(result.plugins[0]).toMatchObject({
      pluginId: 'bad',
      failure: { allowed: true, error: { code: 'INIT_PLUGIN_INIT_FAILED' } },
    });
    await backend.stop();
  });

  it('INIT-068 INIT-064 module policy is independent of the plugin policy', async () => {
    const backend = createTestBackend({
      config: {
        backend: {
          startup: {
            default: { onPluginBootFailure: 'continue', onPluginModuleBootFailure: 'abort' },
            plugins: { p: { modules: { ok: { onPluginModuleBootFailure: 'continue' } } } },
          },
        },
      },
    });
    backend.add(plugin('p'));
    backend.add(
      mod('p', 'ok', () => {
        throw new Error('a');
      }),
    );
    backend.add(
      mod('p', 'ko', () => {
        throw new Error('b');
      }),
    );
    const error = (await rejectionOf(backend.start())) as BackendStartupError;
    expect(error.result.plugins[0]!.modules.map((m) => [m.moduleId, m.failure?.allowed])).toEqual([
      ['ko', false],
      ['ok', true],
    ]);
    expect(error.message).toContain("'ko'");
    expect(error.message).not.toContain("'ok'");
  });

  it('INIT-065 INIT_INVALID_STARTUP_CONFIG: a policy value other than abort/continue', async () => {
    const backend = createTestBackend({
      config: { backend: { startup: { default: { onPluginBootFailure: 'ignore' } } } },
    });
    backend.add(plugin('p'));
    const error = (await rejectionOf(backend.start())) as BackendPreflightError;
    expect(error.findings).toMatchObject([
      {
        code: 'INIT_INVALID_STARTUP_CONFIG',
        configPath: 'backend.startup.default.onPluginBootFailure',
      },
    ]);
  });

  it('MOD-041 MOD_STARTUP_FAILURE_REPORTED and MOD-042 MOD_FAILURE_REPORTED_TOO_EARLY', async () => {
    const ep = createExtensionPoint<{ report(e: Error): void }>({ id: 'rep.ep' });
    let early: unknown;
    const reporters: Array<(e: Error) => void> = [];
    const backend = createTestBackend();
    backend.add(
      createBackendPlugin({
        pluginId: 'p',
        register(reg) {
          reg.registerExtensionPoint({
            extensionPoint: ep,
            factory: (ctx) => {
              const report = (e: Error) => ctx.reportModuleStartupFailure({ error: e });
              reporters.push(report);
              return { report };
            },
          });
          reg.registerInit({
            deps: {},
            async init() {
              reporters[0]!(new Error('bad contribution'));
            },
          });
        },
      }),
    );
    backend.add(
      createBackendModule({
        pluginId: 'p',
        moduleId: 'm',
        register(reg) {
          reg.registerInit({
            deps: { ep },
            async init({ ep }) {
              try {
                ep.report(new Error('too early'));
              } catch (e) {
                early = e;
              }
            },
          });
        },
      }),
    );
    const error = (await rejectionOf(backend.start())) as BackendStartupError;
    expect(early).toMatchObject({ code: 'MOD_FAILURE_REPORTED_TOO_EARLY' });
    expect(error.result.plugins[0]!.modules[0]!.failure!.error).toMatchObject({
      code: 'MOD_STARTUP_FAILURE_REPORTED',
    });
  });

  it('EXT-035 EXT_FACTORY_FAILED and EXT-047 EXT_MIDDLEWARE_FAILED; middleware wraps implementations', async () => {
    const ep = createExtensionPoint<string>({ id: 'mw.ep' });
    const broken = createExtensionPoint<string>({ id: 'mw.broken' });
    const got: string[] = [];
    const backend = createTestBackend({
      extensionPointFactoryMiddleware: [
        createExtensionPointFactoryMiddleware({
          extensionPoint: createExtensionPoint<string>({ id: 'mw.ep' }),
          middleware: async (impl) => `${impl}+mw`,
        }),
      ],
    });
    backend.add(
      createBackendPlugin({
        pluginId: 'p',
        register(reg) {
          reg.registerExtensionPoint(ep, 'impl');
          reg.registerExtensionPoint({
            extensionPoint: broken,
            factory: () => {
              throw new Error('factory broke');
            },
          });
          reg.registerInit({ deps: {}, async init() {} });
        },
      }),
    );
    backend.add(
      createBackendModule({
        pluginId: 'p',
        moduleId: 'a',
        register(reg) {
          reg.registerInit({
            deps: { ep },
            async init({ ep }) {
              got.push(ep);
            },
          });
        },
      }),
    );
    backend.add(
      createBackendModule({
        pluginId: 'p',
        moduleId: 'b',
        register(reg) {
          reg.registerInit({
            deps: { broken },
            async init() {
              got.push('never');
            },
          });
        },
      }),
    );
    const error = (await rejectionOf(backend.start())) as BackendStartupError;
    expect(got).toEqual(['impl+mw']);
    expect(
      error.result.plugins[0]!.modules.find((m) => m.moduleId === 'b')!.failure!.error,
    ).toMatchObject({ code: 'EXT_FACTORY_FAILED' });
  });

  it('LIFE-016, LIFE-019, LIFE-020: a failing plugin startup hook is logged with LIFE_HOOK_FAILED and the plugin id, and does not change the result', async () => {
    const backend = createTestBackend();
    backend.add(
      initPlugin('p', { lifecycle: coreServices.lifecycle }, async ({ lifecycle }) => {
        lifecycle.addStartupHook(() => {
          throw new Error('hook');
        });
      }),
    );
    const { result } = await backend.start();
    expect(result.outcome).toBe('success');
    expect(result.plugins[0]!.failure).toBeUndefined();
    expect(
      backend.logs.some(
        (l) =>
          l.level === 'error' && l.meta['code'] === 'LIFE_HOOK_FAILED' && l.meta['plugin'] === 'p',
      ),
    ).toBe(true);
    await backend.stop();
  });

  it('LIFE-025, INIT-144: root startup hooks do not run after a failure outcome', async () => {
    let ran = false;
    const backend = createTestBackend();
    backend.add(
      initPlugin('p', { root: coreServices.rootLifecycle }, async ({ root }) => {
        root.addStartupHook(() => void (ran = true));
        throw new Error('x');
      }),
    );
    await rejectionOf(backend.start());
    expect(ran).toBe(false);
    await backend.stop();
  });
});

describe('feature loaders', () => {
  it('LOAD-005 loaders yield plugins, factories and nested loaders; deps are root services', async () => {
    const seen: string[] = [];
    const backend = createTestBackend({ config: { x: 1 } });
    backend.add(
      createBackendFeatureLoader({
        deps: { config: coreServices.rootConfig },
        async *loader({ config }) {
          seen.push(String(config.getOptional('x')));
          yield plugin('from-loader', () => void seen.push('plugin'));
          yield createBackendFeatureLoader({
            loader: () => [
              Promise.resolve({ default: plugin('nested', () => void seen.push('nested')) }),
            ],
          });
        },
      }),
    );
    await backend.start();
    expect(seen.sort()).toEqual(['1', 'nested', 'plugin']);
    await backend.stop();
  });

  it('LOAD-003, LOAD-006: LOAD_NON_ROOT_DEPENDENCY is a preflight finding; start() rejects with INIT_PREFLIGHT_FAILED', async () => {
    const b1 = createTestBackend();
    const loader = createBackendFeatureLoader({
      deps: { logger: coreServices.logger as never },
      loader: () => [],
    });
    b1.add(loader);
    const error = (await rejectionOf(b1.start())) as BackendPreflightError;
    expect(error).toMatchObject({ code: 'INIT_PREFLIGHT_FAILED' });
    expect(error.findings).toMatchObject([
      {
        code: 'LOAD_NON_ROOT_DEPENDENCY',
        loader: loaderDescription(loader),
        dependencyKey: 'logger',
        serviceId: 'core.logger',
      },
    ]);
    expect(error.findings[0]!.message).toContain("'plugin'");
  });

  it('LOAD-020, LOAD-021, BACK-068: a throwing loader rejects start() with LOAD_LOADER_FAILED; validate() reports it', async () => {
    const b2 = createTestBackend();
    const loader = createBackendFeatureLoader({
      loader: () => {
        throw new Error('loader broke');
      },
    });
    b2.add(loader);
    const { ok, findings } = await b2.validate();
    expect(ok).toBe(false);
    expect(findings).toMatchObject([
      { code: 'LOAD_LOADER_FAILED', loader: loaderDescription(loader) },
    ]);
    const b3 = createTestBackend();
    b3.add(loader);
    const error = await rejectionOf(b3.start());
    expect(error).toMatchObject({ code: 'LOAD_LOADER_FAILED', loader: loaderDescription(loader) });
    expect((error as Error).cause).toMatchObject({ message: 'loader broke' });
    await b2.stop();
    await b3.stop();
  });

  it('LOAD-033 LOAD_DUPLICATE_SERVICE_FACTORY: two loaders providing one singleton', async () => {
    const ref = createServiceRef<string>({ id: 'l.dup' });
    const f = createServiceFactory({ service: ref, deps: {}, factory: () => 'x' });
    const backend = createTestBackend();
    backend.add(createBackendFeatureLoader({ loader: () => [f] }));
    backend.add(createBackendFeatureLoader({ loader: () => [f] }));
    const { findings } = await backend.validate();
    expect(findings).toMatchObject([
      { code: 'LOAD_DUPLICATE_SERVICE_FACTORY', serviceId: 'l.dup' },
    ]);
  });

  it('SVC-049 a cycle introduced by a loader factory is reported', async () => {
    const a = createServiceRef<string>({ id: 'lc.a' });
    const b = createServiceRef<string>({ id: 'lc.b' });
    const backend = createTestBackend();
    backend.add(createServiceFactory({ service: a, deps: { b }, factory: () => 'a' }));
    backend.add(
      createBackendFeatureLoader({
        loader: () => [createServiceFactory({ service: b, deps: { a }, factory: () => 'b' })],
      }),
    );
    const { findings } = await backend.validate();
    expect(findings).toMatchObject([
      { code: 'SVC_CIRCULAR_DEPENDENCY', cycle: ['lc.a', 'lc.b', 'lc.a'] },
    ]);
  });

  it('LOAD-015 BACK-073 loaders run once across validate() and start()', async () => {
    let runs = 0;
    const backend = createTestBackend();
    backend.add(
      createBackendFeatureLoader({
        loader: () => {
          runs++;
          return [];
        },
      }),
    );
    await backend.validate();
    await backend.validate();
    await backend.start();
    expect(runs).toBe(1);
    await backend.stop();
  });
});

describe('shutdown', () => {
  it('STOP order: before-shutdown, plugin shutdown (parallel), root shutdown; a failing hook never stops the others', async () => {
    const order: string[] = [];
    const backend = createTestBackend();
    for (const id of ['a', 'b']) {
      backend.add(
        initPlugin(
          id,
          { lifecycle: coreServices.lifecycle, root: coreServices.rootLifecycle },
          async ({ lifecycle, root }) => {
            lifecycle.addShutdownHook(() => {
              order.push(`plugin ${id}`);
              if (id === 'a') throw new Error('fail');
            });
            if (id === 'a') {
              root.addBeforeShutdownHook(() => void order.push('before'));
              root.addShutdownHook(() => void order.push('root'));
            }
          },
        ),
      );
    }
    await backend.start();
    await backend.stop();
    expect(order[0]).toBe('before');
    expect(order.slice(1, 3).sort()).toEqual(['plugin a', 'plugin b']);
    expect(order[3]).toBe('root');
  });

  it('LIFE-009 LIFE_STARTUP_HOOK_AFTER_STARTUP and LIFE-010 LIFE_SHUTDOWN_HOOK_AFTER_SHUTDOWN', async () => {
    let lifecycleRef:
      { addStartupHook(h: () => void): void; addShutdownHook(h: () => void): void } | undefined;
    const backend = createTestBackend();
    backend.add(
      initPlugin('p', { lifecycle: coreServices.lifecycle }, async ({ lifecycle }) => {
        lifecycleRef = lifecycle;
      }),
    );
    await backend.start();
    expect(thrownBy(() => lifecycleRef!.addStartupHook(() => {}))).toMatchObject({
      code: 'LIFE_STARTUP_HOOK_AFTER_STARTUP',
    });
    await backend.stop();
    expect(thrownBy(() => lifecycleRef!.addShutdownHook(() => {}))).toMatchObject({
      code: 'LIFE_SHUTDOWN_HOOK_AFTER_SHUTDOWN',
    });
  });
});
