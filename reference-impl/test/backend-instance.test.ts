import { describe, expect, it } from 'vitest';
import {
  coreServices,
  createBackendFeatureLoader,
  createBackendPlugin,
  createExtensionPoint,
  createServiceFactory,
  createServiceRef,
  createSpecializedBackend,
} from '../src/index.js';
import { BackendStartupError } from '../src/runtime/BackendStartupError.js';
import type { BackendPreflightError } from '../src/runtime/preflight/BackendPreflightError.js';
import {
  createTestBackend,
  detachedRegistry,
  findingsOf,
  rawFeature,
  rawPlugin,
  rejectionOf,
  thrownBy,
} from './helpers/testBackend.js';
import { continueAll, module, plugin, rootRef, throws } from './helpers/features.js';

describe('creating a backend (BACK-001 to BACK-008)', () => {
  it('BACK-001, BACK-002, BACK-007: createSpecializedBackend returns an empty backend with every method; no middleware means none', async () => {
    const backend = createSpecializedBackend({
      defaultServiceFactories: [],
      instanceRegistry: detachedRegistry(),
    });
    for (const method of ['add', 'start', 'stop', 'validate', 'graph'])
      expect(typeof (backend as unknown as Record<string, unknown>)[method]).toBe('function');
    const graph = await backend.graph();
    expect(graph.nodes).toEqual([]);
    expect((await backend.validate()).findings).toMatchObject([
      { code: 'INIT_MISSING_DEPENDENCY', ref: 'serviceRef{core.rootLifecycle}' },
    ]);
  });

  it('BACK-003 BACK_INVALID_OPTIONS: defaults that are not an array, or hold a plugin, throw synchronously', () => {
    expect(
      thrownBy(() => createSpecializedBackend({ defaultServiceFactories: 'nope' as never })),
    ).toMatchObject({ code: 'BACK_INVALID_OPTIONS', path: 'defaultServiceFactories' });
    expect(
      thrownBy(() => createSpecializedBackend({ defaultServiceFactories: [plugin('p')] as never })),
    ).toMatchObject({
      code: 'BACK_INVALID_OPTIONS',
      path: 'defaultServiceFactories[0]',
    });
  });

  it('BACK-004: each default is validated as a service factory with its defaultServiceFactories[i] path', () => {
    const bad = {
      $$type: '@backstage/BackendFeature',
      version: 'v1',
      featureType: 'service',
      service: { id: 'x', scope: 'root' },
      deps: {},
      factory: 'no',
    };
    expect(
      thrownBy(() => createSpecializedBackend({ defaultServiceFactories: [bad] as never })),
    ).toMatchObject({
      code: 'FEAT_INVALID_SERVICE_FACTORY',
      path: 'defaultServiceFactories[0].factory',
    });
  });

  it('BACK-005: every duplicated default id is named, singleton or multiton', () => {
    const single = createServiceFactory({
      service: rootRef('b.single'),
      deps: {},
      factory: () => 1,
    });
    const multiRef = createServiceRef<number>({ id: 'b.multi', scope: 'root', multiton: true });
    const multi = createServiceFactory({ service: multiRef, deps: {}, factory: () => 1 });
    const error = thrownBy(() =>
      createSpecializedBackend({ defaultServiceFactories: [single, multi, single, multi] }),
    );
    expect(error).toMatchObject({ code: 'SVC_DUPLICATE_FACTORY' });
    expect((error as Error).message).toContain('b.single');
    expect((error as Error).message).toContain('b.multi');
  });

  it('BACK-008: two backends share no features, instances or lifecycle state', async () => {
    let built = 0;
    const shared = createServiceFactory({
      service: rootRef('b.shared'),
      deps: {},
      factory: () => ({ n: ++built }),
    });
    const seen: unknown[] = [];
    const a = createTestBackend({ defaultServiceFactories: [shared] });
    const b = createTestBackend({ defaultServiceFactories: [shared] });
    a.add(plugin('only-a', (d) => void seen.push(d['s']), { s: rootRef('b.shared') }));
    b.add(plugin('only-b', (d) => void seen.push(d['s']), { s: rootRef('b.shared') }));
    const [ra, rb] = await Promise.all([a.start(), b.start()]);
    expect(ra.result.plugins.map((p) => p.pluginId)).toEqual(['only-a']);
    expect(rb.result.plugins.map((p) => p.pluginId)).toEqual(['only-b']);
    expect(seen[0]).not.toBe(seen[1]);
    await a.stop();
    expect(await b.validate().catch((e: unknown) => e)).toMatchObject({
      code: 'BACK_ALREADY_STARTED',
    });
    await b.stop();
  });
});

describe('adding features (BACK-011 to BACK-019)', () => {
  it('BACK-012, BACK-013: add() returns undefined at once and never throws for invalid values', () => {
    const backend = createTestBackend();
    const pending = new Promise<never>(() => {});
    expect(backend.add(pending as never)).toBeUndefined();
    expect(backend.add(null as never)).toBeUndefined();
    expect(backend.add(42 as never)).toBeUndefined();
  });

  it('BACK-015 BACK_ALREADY_STOPPED: add() after stop() throws', async () => {
    const backend = createTestBackend();
    await backend.stop();
    expect(thrownBy(() => backend.add(plugin('p')))).toMatchObject({
      code: 'BACK_ALREADY_STOPPED',
    });
  });

  it('BACK-016: values are resolved and validated in add() order, whatever order their promises settle in', async () => {
    const late = new Promise((r) => setTimeout(() => r(null), 10));
    const findings = await findingsOf([late, Promise.resolve(7)]);
    expect(findings.map((f) => f.path)).toEqual(['features[0]', 'features[1]']);
  });

  it('BACK-017, BACK-018, BACK-097: a rejected add() promise is a finding with its cause, never an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const reason = new Error('import failed');
    const neverStarted = createTestBackend();
    neverStarted.add(Promise.reject(reason) as never);
    const findings = await findingsOf([Promise.reject(reason)]);
    await new Promise((r) => setTimeout(r, 10));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
    expect(findings).toMatchObject([
      { code: 'BACK_FEATURE_REJECTED', path: 'features[0]', cause: reason },
    ]);
  });
});

describe('starting (BACK-020 to BACK-025)', () => {
  it('BACK-020, BACK-042: start() resolves { result } with outcome success', async () => {
    const backend = createTestBackend();
    backend.add(plugin('p'));
    const resolved = await backend.start();
    expect(Object.keys(resolved)).toEqual(['result']);
    expect(resolved.result.outcome).toBe('success');
    await backend.stop();
  });

  it('BACK-022, BACK-042, BACK-051, BACK-052, BACK-053, BACK-054: a disallowed failure rejects with BackendStartupError naming only disallowed culprits', async () => {
    const config = {
      backend: { startup: { plugins: { lenient: { onPluginBootFailure: 'continue' } } } },
    };
    const backend = createTestBackend({ config });
    backend.add(plugin('strict', throws('strict broke')));
    backend.add(plugin('lenient', throws('lenient broke')));
    backend.add(plugin('host'));
    backend.add(module('host', 'mod', throws('module broke')));
    const error = (await rejectionOf(backend.start())) as BackendStartupError;
    expect(error).toBeInstanceOf(BackendStartupError);
    expect(error.name).toBe('BackendStartupError');
    expect(error.code).toBe('BACK_STARTUP_FAILED');
    expect(error.result.outcome).toBe('failure');
    expect(error.result.plugins).toHaveLength(3);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Backend startup failed due to the following errors:');
    expect(lines.some((l) => l.startsWith("  Plugin 'strict' startup failed; caused by "))).toBe(
      true,
    );
    expect(
      lines.some((l) =>
        l.startsWith("  Module 'mod' for plugin 'host' startup failed; caused by "),
      ),
    ).toBe(true);
    expect(error.message).not.toContain("'lenient'");
    await backend.stop();
  });

  it('BACK-025: second start() and start() after stop() reject instead of throwing', async () => {
    const backend = createTestBackend();
    backend.add(plugin('p'));
    const first = backend.start();
    let second: Promise<unknown> | undefined;
    expect(() => (second = backend.start())).not.toThrow();
    expect(await rejectionOf(second!)).toMatchObject({ code: 'BACK_ALREADY_STARTED' });
    await first;
    await backend.stop();
    const stopped = createTestBackend();
    await stopped.stop();
    let third: Promise<unknown> | undefined;
    expect(() => (third = stopped.start())).not.toThrow();
    expect(await rejectionOf(third!)).toMatchObject({ code: 'BACK_ALREADY_STOPPED' });
  });
});

describe('duplicates (BACK-026 to BACK-032)', () => {
  it('BACK-027, BACK-028, BACK-029: a duplicated plugin id runs no copy, no module; with continue it is one allowed failure entry', async () => {
    const events: string[] = [];
    const ep = createExtensionPoint<object>({ id: 'dup.ep' });
    let epFactoryCalls = 0;
    const copy = (tag: string) =>
      createBackendPlugin({
        pluginId: 'dup',
        register(r) {
          r.registerExtensionPoint({ extensionPoint: ep, factory: () => (epFactoryCalls++, {}) });
          r.registerInit({ deps: {}, init: async () => void events.push(tag) });
        },
      });
    const features = [
      copy('first'),
      copy('second'),
      module('dup', 'm', () => void events.push('module'), { ep }),
      plugin('other', () => void events.push('other')),
    ];
    const findings = await findingsOf(features);
    expect(findings).toMatchObject([{ code: 'BACK_DUPLICATE_PLUGIN_ID', pluginId: 'dup' }]);
    expect(findings[0]!.message).toContain('features[0].getRegistrations()[0]');
    expect(findings[0]!.message).toContain('features[1].getRegistrations()[0]');
    const backend = createTestBackend({
      config: { backend: { startup: { plugins: { dup: { onPluginBootFailure: 'continue' } } } } },
    });
    for (const f of features) backend.add(f);
    const { result } = await backend.start();
    expect(events).toEqual(['other']);
    expect(epFactoryCalls).toBe(0);
    const entries = result.plugins.filter((p) => p.pluginId === 'dup');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.failure).toMatchObject({
      allowed: true,
      error: { code: 'BACK_DUPLICATE_PLUGIN_ID', pluginId: 'dup' },
    });
    await backend.stop();
  });

  it('BACK-030, BACK-031, BACK-032, MOD-003: a duplicated module runs no copy; with continue it is one module entry', async () => {
    const events: string[] = [];
    const features = [
      plugin('p', () => void events.push('plugin')),
      module('p', 'twin', () => void events.push('first')),
      module('p', 'twin', () => void events.push('second')),
    ];
    const findings = await findingsOf(features);
    expect(findings).toMatchObject([
      { code: 'BACK_DUPLICATE_MODULE_ID', pluginId: 'p', moduleId: 'twin' },
    ]);
    expect(findings[0]!.message).toMatch(/features\[1\].*features\[2\]/);
    const backend = createTestBackend({ config: continueAll });
    for (const f of features) backend.add(f);
    const { result } = await backend.start();
    expect(events).toEqual(['plugin']);
    expect(result.plugins[0]!.modules).toHaveLength(1);
    expect(result.plugins[0]!.modules[0]!.failure).toMatchObject({
      allowed: true,
      error: { code: 'BACK_DUPLICATE_MODULE_ID', pluginId: 'p', moduleId: 'twin' },
    });
    await backend.stop();
  });
});

describe('startup result (BACK-041 to BACK-054)', () => {
  it('BACK-043, BACK-045, BACK-048, BACK-049, BACK-050: one entry per attempted plugin and module; failure and outcome agree; runtime errors carry codes', async () => {
    const backend = createTestBackend({ config: continueAll });
    backend.add(plugin('ok'));
    backend.add(module('ok', 'fine'));
    backend.add(module('ok', 'broken', throws('x')));
    backend.add(plugin('missing', () => {}, { s: rootRef('b.none') }));
    const { result } = await backend.start();
    expect(result.plugins.map((p) => p.pluginId).sort()).toEqual(['missing', 'ok']);
    const ok = result.plugins.find((p) => p.pluginId === 'ok')!;
    expect(ok.modules.map((m) => m.moduleId).sort()).toEqual(['broken', 'fine']);
    for (const entry of [...result.plugins, ...result.plugins.flatMap((p) => p.modules)]) {
      expect(entry.outcome).toBe(entry.failure ? 'failure' : 'success');
      if (entry.failure) {
        expect(typeof entry.failure.allowed).toBe('boolean');
        expect(typeof (entry.failure.error as { code?: unknown }).code).toBe('string');
      }
    }
    expect(ok.modules.find((m) => m.moduleId === 'fine')).not.toHaveProperty('failure');
    await backend.stop();
  });
});

describe('stopping (BACK-055 to BACK-059)', () => {
  it('BACK-058, BACK-059: stop() waits for a running start() and resolves even when start() rejects', async () => {
    const events: string[] = [];
    let release: () => void = () => {};
    const backend = createTestBackend();
    backend.add(
      createBackendPlugin({
        pluginId: 'p',
        register: (r) =>
          r.registerInit({
            deps: { lifecycle: coreServices.lifecycle },
            async init({ lifecycle }) {
              lifecycle.addShutdownHook(() => void events.push('shutdown hook'));
              await new Promise<void>((res) => (release = res));
              events.push('init done');
              throw new Error('late failure');
            },
          }),
      }),
    );
    const started = rejectionOf(backend.start());
    await new Promise((r) => setTimeout(r, 5));
    const stopped = backend.stop();
    await new Promise((r) => setTimeout(r, 5));
    expect(events).toEqual([]);
    release();
    await started;
    await expect(stopped).resolves.toMatchObject({ phases: expect.any(Array) });
    expect(events).toEqual(['init done', 'shutdown hook']);
  });
});

describe('validate() (BACK-060 to BACK-075)', () => {
  it('BACK-061, BACK-062, BACK-069, BACK-070, INIT-113: every problem is one finding with code, severity, message and the culprit ids of its error', async () => {
    const ep = createExtensionPoint<object>({ id: 'b.ep' });
    const findings = await findingsOf([
      plugin('a', () => {}, { x: rootRef('b.x'), y: rootRef('b.y') }),
      plugin('a'),
      createBackendPlugin({
        pluginId: 'owner',
        register(r) {
          r.registerExtensionPoint(ep, {});
          r.registerInit({ deps: {}, init: async () => {} });
        },
      }),
      plugin('c'),
      module('c', 'thief', () => {}, { ep }),
      rawFeature([rawPlugin('d', { init: { deps: { bad: { id: 'b.bad' } }, func: () => {} } })]),
    ]);
    expect(
      findings.map((f) => [
        f.code,
        f.pluginId ?? null,
        f.moduleId ?? null,
        f.extensionPointId ?? null,
        f.path ?? null,
      ]),
    ).toEqual([
      ['BACK_DUPLICATE_PLUGIN_ID', 'a', null, null, null],
      [
        'EXT_FOREIGN_EXTENSION_POINT',
        'c',
        'thief',
        'b.ep',
        'features[4].getRegistrations()[0].init.deps.ep',
      ],
      [
        'FEAT_INVALID_SERVICE_REF',
        'd',
        null,
        null,
        'features[5].getRegistrations()[0].init.deps.bad.scope',
      ],
      ['INIT_MISSING_DEPENDENCY', 'a', null, null, 'features[0].getRegistrations()[0].init.deps.x'],
      ['INIT_MISSING_DEPENDENCY', 'a', null, null, 'features[0].getRegistrations()[0].init.deps.y'],
    ]);
    for (const f of findings) {
      expect(['error', 'warning']).toContain(f.severity);
      expect(typeof f.message).toBe('string');
    }
  });

  it('BACK-064, BACK-066, BACK-067: validate() runs loaders and register() but no init, factory, middleware or hook', async () => {
    const events: string[] = [];
    const svc = createServiceFactory({
      service: rootRef('b.svc'),
      deps: {},
      factory: () => void events.push('factory'),
    });
    const ep = createExtensionPoint<object>({ id: 'b.v.ep' });
    const middleware = {
      $$type: '@backstage/ExtensionPointFactoryMiddleware',
      version: 'v1',
      extensionPointId: 'b.v.ep',
      middleware: async (x: unknown) => (events.push('middleware'), x),
    };
    const backend = createTestBackend({
      defaultServiceFactories: [svc],
      extensionPointFactoryMiddleware: [middleware] as never,
    });
    backend.add(
      createBackendFeatureLoader({
        loader: () => {
          events.push('loader');
          return [
            createBackendPlugin({
              pluginId: 'p',
              register(r) {
                events.push('register');
                r.registerExtensionPoint({
                  extensionPoint: ep,
                  factory: () => (events.push('ep factory'), {}),
                });
                r.registerInit({
                  deps: { s: rootRef('b.svc') },
                  init: async () => void events.push('init'),
                });
              },
            }),
            module('p', 'm', () => void events.push('module init'), { ep }),
          ];
        },
      }),
    );
    const report = await backend.validate();
    expect(report.ok).toBe(true);
    expect(events).toEqual(['loader', 'register']);
    await backend.stop();
  });

  it('BACK-071, BACK-072: findings come in a stable order: errors first, then code and ids, absent values first', async () => {
    const features = [
      module('zeta', 'm'),
      plugin('b', () => {}, { s: rootRef('b.s') }),
      plugin('a', () => {}, { s: rootRef('b.s') }),
      7,
    ];
    const first = await findingsOf(features);
    const second = await findingsOf([...features].reverse());
    const key = (f: { code: string; pluginId?: string; moduleId?: string; severity: string }) => [
      f.severity,
      f.code,
      f.pluginId ?? '',
      f.moduleId ?? '',
    ];
    expect(first.map(key)).toEqual([
      ['error', 'FEAT_NOT_A_FEATURE', '', ''],
      ['error', 'INIT_MISSING_DEPENDENCY', 'a', ''],
      ['error', 'INIT_MISSING_DEPENDENCY', 'b', ''],
      ['warning', 'BACK_ORPHAN_MODULE', 'zeta', 'm'],
    ]);
    expect(second.map(key)).toEqual(first.map(key));
  });

  it('BACK-073: start() after validate() behaves as without it, features added in between included, root instances reused', async () => {
    let built = 0;
    const root = createServiceFactory({
      service: rootRef('b.reused'),
      deps: {},
      factory: () => ({ n: ++built }),
    });
    const loaderRef = rootRef('b.forloader');
    const forLoader = createServiceFactory({
      service: loaderRef,
      deps: {},
      initialization: 'lazy',
      factory: () => (built++, 'l'),
    });
    const backend = createTestBackend();
    backend.add(root);
    backend.add(forLoader);
    backend.add(
      createBackendFeatureLoader({ deps: { l: loaderRef }, loader: () => [plugin('from-loader')] }),
    );
    expect((await backend.validate()).ok).toBe(true);
    expect(built).toBe(1);
    backend.add(plugin('late', () => {}, { r: rootRef('b.reused') }));
    const { result } = await backend.start();
    expect(result.plugins.map((p) => p.pluginId).sort()).toEqual(['from-loader', 'late']);
    expect(built).toBe(2);
    await backend.stop();
  });

  it('BACK-075 BACK_ALREADY_STOPPED: validate() after stop() rejects', async () => {
    const backend = createTestBackend();
    await backend.stop();
    expect(await rejectionOf(backend.validate())).toMatchObject({ code: 'BACK_ALREADY_STOPPED' });
  });
});

describe('graph() (BACK-076 to BACK-096)', () => {
  it('BACK-077, BACK-078: graph() calls no init or factory, and resolves before and after start()', async () => {
    const events: string[] = [];
    const svc = createServiceFactory({
      service: rootRef('b.g'),
      deps: {},
      initialization: 'lazy',
      factory: () => void events.push('factory'),
    });
    const backend = createTestBackend({ defaultServiceFactories: [svc] });
    backend.add(plugin('p', () => void events.push('init'), { s: rootRef('b.g') }));
    const before = await backend.graph();
    expect(events).toEqual([]);
    await backend.start();
    const after = await backend.graph();
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    await backend.stop();
  });

  it('BACK-079, BACK-096: a broken wiring still yields a graph whose edges only name existing nodes', async () => {
    const backend = createTestBackend();
    backend.add(plugin('p', () => {}, { missing: rootRef('b.missing') }));
    backend.add(module('ghost', 'm'));
    backend.add(42 as never);
    const graph = await backend.graph();
    const ids = new Set<string>(graph.nodes.map((n) => n.id));
    expect(ids.has('plugin:p')).toBe(true);
    expect(ids.has('service:b.missing')).toBe(true);
    expect(ids.has('plugin:ghost')).toBe(true);
    for (const edge of graph.edges) {
      expect(ids.has(edge.from)).toBe(true);
      expect(ids.has(edge.to)).toBe(true);
    }
  });
});

describe('preflight rejection is not a startup result', () => {
  it('BACK-019: an invalid added value makes start() reject before any plugin init', async () => {
    let ran = false;
    const backend = createTestBackend();
    backend.add(plugin('p', () => void (ran = true)));
    backend.add({
      $$type: '@backstage/BackendFeature',
      version: 'v1',
      featureType: 'nope',
    } as never);
    const error = (await rejectionOf(backend.start())) as BackendPreflightError;
    expect(error.findings).toMatchObject([
      { code: 'FEAT_UNKNOWN_FEATURE_TYPE', path: 'features[1].featureType' },
    ]);
    expect(ran).toBe(false);
  });
});
