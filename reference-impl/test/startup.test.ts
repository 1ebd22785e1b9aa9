import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  coreServices,
  createBackendFeatureLoader,
  createBackendPlugin,
  createExtensionPoint,
  createServiceFactory,
} from '../src/index.js';
import type { BackendStartupError } from '../src/runtime/BackendStartupError.js';
import type { BackendPreflightError } from '../src/runtime/preflight/BackendPreflightError.js';
import { createTestBackend, findingsOf, rejectionOf } from './helpers/testBackend.js';
import { configFromData } from './helpers/configFromData.js';
import {
  continueAll,
  module,
  plugin,
  pluginRef,
  rootRef,
  throws,
  type Deps,
} from './helpers/features.js';

const tick = (ms = 5): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('the start sequence (INIT-001 to INIT-006)', () => {
  it('INIT-001, INIT-002, INIT-005, INIT-100, INIT-105: loaders, registrations, config, eager root services, plugins, root hooks, in order', async () => {
    const events: string[] = [];
    const config = createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => (events.push('rootConfig'), configFromData({})),
    });
    const eager = createServiceFactory({
      service: rootRef('i.eager'),
      deps: {},
      factory: () => void events.push('eager root service'),
    });
    const backend = createTestBackend({ defaultServiceFactories: [config, eager] });
    backend.add(
      createBackendFeatureLoader({
        loader: () => {
          events.push('loader');
          return [
            createBackendPlugin({
              pluginId: 'p',
              register(r) {
                events.push('register');
                r.registerInit({
                  deps: { root: coreServices.rootLifecycle },
                  async init({ root }) {
                    events.push('plugin init');
                    root.addStartupHook(async () => {
                      await tick();
                      events.push('root hook settled');
                    });
                  },
                });
              },
            }),
          ];
        },
      }),
    );
    await backend.start();
    events.push('start resolved');
    expect(events).toEqual([
      'loader',
      'register',
      'rootConfig',
      'eager root service',
      'plugin init',
      'root hook settled',
      'start resolved',
    ]);
    await backend.stop();
  });

  it('INIT-006 INIT_INTERNAL_ERROR: an unexpected error interrupting startup keeps the original as cause', async () => {
    const original = new TypeError('lifecycle exploded');
    const rootLifecycle = createServiceFactory({
      service: coreServices.rootLifecycle,
      deps: {},
      factory: () => ({
        addStartupHook() {},
        addShutdownHook() {},
        addBeforeShutdownHook() {},
        startup: () => Promise.reject(original),
        beforeShutdown: async () => {},
        shutdown: async () => {},
      }),
    });
    const backend = createTestBackend();
    backend.add(rootLifecycle);
    backend.add(plugin('p'));
    const error = await rejectionOf(backend.start());
    expect(error).toMatchObject({ code: 'INIT_INTERNAL_ERROR' });
    expect((error as Error).cause).toBe(original);
    await backend.stop();
  });
});

describe('root and plugin services (INIT-010 to INIT-024)', () => {
  it('INIT-013, INIT-014, INIT-077: an eager root service failing through a dependency names the eager service, keeps the cause and starts no plugin', async () => {
    const cause = new Error('db down');
    const db = createServiceFactory({
      service: rootRef('i.db'),
      deps: {},
      initialization: 'lazy',
      factory: () => {
        throw cause;
      },
    });
    const cache = createServiceFactory({
      service: rootRef('i.cache'),
      deps: { db: rootRef('i.db') },
      factory: () => 'cache',
    });
    let pluginRan = false;
    const backend = createTestBackend({
      defaultServiceFactories: [db, cache],
      config: continueAll,
    });
    backend.add(plugin('p', () => void (pluginRan = true)));
    const error = await rejectionOf(backend.start());
    expect(error).toMatchObject({ code: 'INIT_ROOT_SERVICE_FAILED', serviceId: 'i.cache' });
    expect(((error as Error).cause as Error).cause).toBe(cause);
    expect(pluginRan).toBe(false);
    await backend.stop();
  });

  it('INIT-020: a lazy plugin-scoped service is built only for the plugins that need it', async () => {
    const builtFor: string[] = [];
    const svc = createServiceFactory({
      service: pluginRef('i.lazy'),
      deps: { meta: coreServices.pluginMetadata },
      factory: ({ meta }) => void builtFor.push(meta.getId()),
    });
    const backend = createTestBackend({ defaultServiceFactories: [svc] });
    backend.add(plugin('user', () => {}, { s: pluginRef('i.lazy') }));
    backend.add(plugin('bystander'));
    await backend.start();
    expect(builtFor).toEqual(['user']);
    await backend.stop();
  });

  it('INIT-022, INIT-023, INIT-024: always services are built before modules; when one fails, nothing of that plugin runs', async () => {
    const events: string[] = [];
    const always = createServiceFactory({
      service: pluginRef('i.always'),
      deps: { meta: coreServices.pluginMetadata },
      initialization: 'always',
      factory: async ({ meta }) => {
        await tick(2);
        if (meta.getId() === 'bad') throw new Error('always failed');
        events.push(`always ${meta.getId()}`);
      },
    });
    const backend = createTestBackend({ defaultServiceFactories: [always] });
    backend.add(plugin('good', () => void events.push('good init')));
    backend.add(module('good', 'm', () => void events.push('good module')));
    backend.add(plugin('bad', () => void events.push('bad init')));
    backend.add(module('bad', 'm', () => void events.push('bad module')));
    const error = (await rejectionOf(backend.start())) as BackendStartupError;
    expect(events).toEqual(['always good', 'good module', 'good init']);
    const bad = error.result.plugins.find((p) => p.pluginId === 'bad')!;
    expect(bad.failure!.error).toMatchObject({
      code: 'INIT_DEPENDENCY_FAILED',
      pluginId: 'bad',
      serviceId: 'i.always',
    });
    await backend.stop();
  });
});

describe('the plugin pipeline (INIT-030 to INIT-035)', () => {
  it('INIT-030: plugins start without waiting for each other', async () => {
    let release: () => void = () => {};
    const events: string[] = [];
    const backend = createTestBackend();
    backend.add(
      plugin('slow', async () => {
        await new Promise<void>((r) => (release = r));
        events.push('slow');
      }),
    );
    backend.add(plugin('fast', () => void events.push('fast')));
    const started = backend.start();
    await tick();
    expect(events).toEqual(['fast']);
    release();
    await started;
    await backend.stop();
  });

  it('INIT-035: modules consuming the plugin\u2019s own extension point are not ordered among each other', async () => {
    const ep = createExtensionPoint<object>({ id: 'i.own' });
    const running: string[] = [];
    let maxConcurrent = 0;
    const consumer = (id: string) =>
      module(
        'p',
        id,
        async () => {
          running.push(id);
          maxConcurrent = Math.max(maxConcurrent, running.length);
          await tick();
          running.splice(running.indexOf(id), 1);
        },
        { ep },
      );
    const backend = createTestBackend();
    backend.add(
      createBackendPlugin({
        pluginId: 'p',
        register(r) {
          r.registerExtensionPoint(ep, {});
          r.registerInit({ deps: {}, init: async () => {} });
        },
      }),
    );
    backend.add(consumer('a'));
    backend.add(consumer('b'));
    await backend.start();
    expect(maxConcurrent).toBe(2);
    await backend.stop();
  });
});

describe('resolving dependencies (INIT-050 to INIT-059)', () => {
  it('INIT-050, INIT-051, INIT-052, INIT-056: exactly the declared keys, extension point implementations, services for the plugin id, falsy values kept', async () => {
    const ep = createExtensionPoint<object>({ id: 'i.ep' });
    const falsy = [undefined, null, false, 0, ''];
    const factories = falsy.map((value, i) =>
      createServiceFactory({ service: rootRef(`i.falsy${i}`), deps: {}, factory: () => value }),
    );
    const deps = Object.fromEntries(falsy.map((_, i) => [`f${i}`, rootRef(`i.falsy${i}`)]));
    const got: Record<string, Deps> = {};
    const impl = { kind: 'impl' };
    const backend = createTestBackend({ defaultServiceFactories: factories });
    backend.add(
      createBackendPlugin({
        pluginId: 'p',
        register(r) {
          r.registerExtensionPoint(ep, impl);
          r.registerInit({
            deps: { ...deps, meta: coreServices.pluginMetadata } as never,
            init: async (d) => void (got['plugin'] = d as Deps),
          });
        },
      }),
    );
    backend.add(
      module('p', 'm', (d) => void (got['module'] = d), { ep, meta: coreServices.pluginMetadata }),
    );
    await backend.start();
    expect(Object.keys(got['plugin']!).sort()).toEqual([...Object.keys(deps), 'meta'].sort());
    expect(falsy.map((_, i) => got['plugin']![`f${i}`])).toEqual(falsy);
    expect(Object.keys(got['module']!).sort()).toEqual(['ep', 'meta']);
    expect(got['module']!['ep']).toBe(impl);
    expect((got['module']!['meta'] as { getId(): string }).getId()).toBe('p');
    await backend.stop();
  });

  it('INIT-057, INIT-058, INIT-059, MOD-035: a module whose dependency fails records INIT_DEPENDENCY_FAILED and its init is not called', async () => {
    const cause = new Error('cannot build');
    const broken = createServiceFactory({
      service: pluginRef('i.broken'),
      deps: {},
      factory: () => {
        throw cause;
      },
    });
    const events: string[] = [];
    const backend = createTestBackend({ defaultServiceFactories: [broken], config: continueAll });
    backend.add(plugin('p', () => void events.push('plugin')));
    backend.add(
      module('p', 'needs', () => void events.push('needs'), { s: pluginRef('i.broken') }),
    );
    backend.add(module('p', 'other', () => void events.push('other')));
    const { result } = await backend.start();
    expect(events.sort()).toEqual(['other', 'plugin']);
    const failure = result.plugins[0]!.modules.find((m) => m.moduleId === 'needs')!.failure!;
    expect(failure.error).toMatchObject({
      code: 'INIT_DEPENDENCY_FAILED',
      pluginId: 'p',
      moduleId: 'needs',
      serviceId: 'i.broken',
    });
    expect((failure.error.cause as Error).cause).toBe(cause);
    await backend.stop();
  });
});

describe('failure policy (INIT-060 to INIT-079)', () => {
  it('INIT-060, INIT-061: both policies default to abort', async () => {
    const backend = createTestBackend();
    backend.add(plugin('p'));
    backend.add(module('p', 'm', throws('module')));
    const error = (await rejectionOf(backend.start())) as BackendStartupError;
    expect(error.result.plugins[0]!.modules[0]!.failure!.allowed).toBe(false);
    const b2 = createTestBackend();
    b2.add(plugin('p', throws('plugin')));
    const e2 = (await rejectionOf(b2.start())) as BackendStartupError;
    expect(e2.result.plugins[0]!.failure!.allowed).toBe(false);
    await backend.stop();
    await b2.stop();
  });

  it('INIT-062, INIT-063: per-plugin and per-module settings override the defaults', async () => {
    const config = {
      backend: {
        startup: {
          default: { onPluginBootFailure: 'continue', onPluginModuleBootFailure: 'abort' },
          plugins: {
            strict: { onPluginBootFailure: 'abort' },
            lax: { modules: { m: { onPluginModuleBootFailure: 'continue' } } },
          },
        },
      },
    };
    const backend = createTestBackend({ config });
    backend.add(plugin('strict', throws('x')));
    backend.add(plugin('lax'));
    backend.add(module('lax', 'm', throws('y')));
    backend.add(plugin('other', throws('z')));
    const error = (await rejectionOf(backend.start())) as BackendStartupError;
    const byId = Object.fromEntries(error.result.plugins.map((p) => [p.pluginId, p]));
    expect(byId['strict']!.failure!.allowed).toBe(false);
    expect(byId['other']!.failure!.allowed).toBe(true);
    expect(byId['lax']!.modules[0]!.failure!.allowed).toBe(true);
    await backend.stop();
  });

  it('INIT-066 INIT_UNKNOWN_STARTUP_TARGET: startup entries for plugins or modules that are not installed are warnings', async () => {
    const config = {
      backend: {
        startup: {
          plugins: {
            ghost: { onPluginBootFailure: 'continue' },
            p: { modules: { phantom: { onPluginModuleBootFailure: 'continue' } } },
          },
        },
      },
    };
    const findings = await findingsOf([plugin('p')], { config });
    expect(findings).toMatchObject([
      {
        code: 'INIT_UNKNOWN_STARTUP_TARGET',
        severity: 'warning',
        pluginId: 'ghost',
        configPath: 'backend.startup.plugins.ghost',
      },
      {
        code: 'INIT_UNKNOWN_STARTUP_TARGET',
        severity: 'warning',
        pluginId: 'p',
        moduleId: 'phantom',
        configPath: 'backend.startup.plugins.p.modules.phantom',
      },
    ]);
  });

  it('INIT-069, INIT-101, INIT-106, INIT-107, INIT-108: an allowed plugin with a preflight error is recorded as failed and skipped; the rest starts', async () => {
    const events: string[] = [];
    const config = {
      backend: { startup: { plugins: { optional: { onPluginBootFailure: 'continue' } } } },
    };
    const backend = createTestBackend({ config });
    backend.add(
      plugin('optional', () => void events.push('optional'), { missing: rootRef('i.nothing') }),
    );
    backend.add(module('optional', 'm', () => void events.push('optional module')));
    backend.add(plugin('core', () => void events.push('core')));
    const { result } = await backend.start();
    expect(events).toEqual(['core']);
    const optional = result.plugins.find((p) => p.pluginId === 'optional')!;
    expect(optional.outcome).toBe('failure');
    expect(optional.failure!.allowed).toBe(true);
    expect(optional.failure!.error).toMatchObject({
      code: 'INIT_MISSING_DEPENDENCY',
      pluginId: 'optional',
    });
    expect((optional.failure!.error as unknown as { findings: unknown[] }).findings).toMatchObject([
      { code: 'INIT_MISSING_DEPENDENCY', dependencyKey: 'missing' },
    ]);
    expect(
      result.timeline!.entries.filter((e) => e.pluginId === 'optional').map((e) => e.outcome),
    ).toEqual(['skipped', 'skipped', 'skipped']);
    await backend.stop();
  });

  it('INIT-070, INIT-102, INIT-106, INIT-107: an allowed module with preflight errors is skipped with all its findings; its plugin runs', async () => {
    const events: string[] = [];
    const foreign = createExtensionPoint<object>({ id: 'elsewhere.ep' });
    const config = { backend: { startup: { default: { onPluginModuleBootFailure: 'continue' } } } };
    const backend = createTestBackend({ config });
    backend.add(
      createBackendPlugin({
        pluginId: 'elsewhere',
        register(r) {
          r.registerExtensionPoint(foreign, {});
          r.registerInit({ deps: {}, init: async () => {} });
        },
      }),
    );
    backend.add(plugin('p', () => void events.push('plugin')));
    backend.add(
      module('p', 'm', () => void events.push('module'), {
        missing: rootRef('i.none'),
        ep: foreign,
      }),
    );
    const { result } = await backend.start();
    expect(events).toEqual(['plugin']);
    const failure = result.plugins.find((p) => p.pluginId === 'p')!.modules[0]!.failure!;
    expect(failure.allowed).toBe(true);
    expect(failure.error).toMatchObject({
      code: 'EXT_FOREIGN_EXTENSION_POINT',
      pluginId: 'p',
      moduleId: 'm',
    });
    expect(
      (failure.error as unknown as { findings: Array<{ code: string }> }).findings.map(
        (f) => f.code,
      ),
    ).toEqual(['EXT_FOREIGN_EXTENSION_POINT', 'INIT_MISSING_DEPENDENCY']);
    await backend.stop();
  });

  it('INIT-103, INIT-104: a finding about the backend as a whole is fatal whatever the policy', async () => {
    const root = createServiceFactory({
      service: rootRef('i.root'),
      deps: { p: pluginRef('i.plugin') } as never,
      factory: () => 1,
    });
    const backend = createTestBackend({ defaultServiceFactories: [root], config: continueAll });
    backend.add(plugin('p'));
    const error = (await rejectionOf(backend.start())) as BackendPreflightError;
    expect(error.code).toBe('INIT_PREFLIGHT_FAILED');
    expect(error.findings.map((f) => f.code)).toContain('SVC_SCOPE_VIOLATION');
  });

  it('INIT-073, INIT-075, INIT-076: a disallowed failure is logged at once, and the other plugins still finish', async () => {
    let release: () => void = () => {};
    const events: string[] = [];
    const backend = createTestBackend();
    backend.add(plugin('bad', throws('bad')));
    backend.add(
      plugin('slow', async () => {
        await new Promise<void>((r) => (release = r));
        events.push('slow done');
      }),
    );
    const started = rejectionOf(backend.start());
    await tick();
    const failureLog = backend.logs.find(
      (l) => l.level === 'error' && l.message.includes("Plugin 'bad'"),
    );
    expect(failureLog?.message).toContain('waiting for 1 other plugins');
    release();
    const error = (await started) as BackendStartupError;
    expect(events).toEqual(['slow done']);
    expect(error.result.plugins.map((p) => p.pluginId).sort()).toEqual(['bad', 'slow']);
    await backend.stop();
  });

  it('INIT-078, INIT-079: init failures are wrapped with ids and the thrown value as cause', async () => {
    const pluginCause = 'a string, not an Error';
    const moduleCause = new Error('module');
    const backend = createTestBackend({ config: continueAll });
    backend.add(
      plugin('p', () => {
        throw pluginCause;
      }),
    );
    backend.add(
      module('p', 'm', () => {
        throw moduleCause;
      }),
    );
    const { result } = await backend.start();
    expect(result.plugins[0]!.failure!.error).toMatchObject({
      code: 'INIT_PLUGIN_INIT_FAILED',
      pluginId: 'p',
      cause: pluginCause,
    });
    expect(result.plugins[0]!.modules[0]!.failure!.error).toMatchObject({
      code: 'INIT_MODULE_INIT_FAILED',
      pluginId: 'p',
      moduleId: 'm',
      cause: moduleCause,
    });
    await backend.stop();
  });
});

describe('preflight in start() (INIT-100 to INIT-116)', () => {
  it('INIT-104, INIT-109, INIT-110, INIT-112, INIT-113, INIT-116: start() rejects with the findings of validate(), listed in the message', async () => {
    const features = [
      plugin('p', () => {}, { a: rootRef('i.a'), b: pluginRef('i.b') }),
      module('absent', 'm'),
    ];
    const validated = await findingsOf(features);
    const backend = createTestBackend();
    for (const f of features) backend.add(f);
    const error = (await rejectionOf(backend.start())) as BackendPreflightError;
    expect(error.code).toBe('INIT_PREFLIGHT_FAILED');
    expect(error.findings.map((f) => [f.code, f.severity, f.pluginId, f.dependencyKey])).toEqual(
      validated.map((f) => [f.code, f.severity, f.pluginId, f.dependencyKey]),
    );
    expect(error.findings.map((f) => f.severity)).toEqual(['error', 'error', 'warning']);
    const lines = error.message.split('\n');
    expect(lines.filter((l) => l.includes('[INIT_MISSING_DEPENDENCY]'))).toHaveLength(2);
    expect(lines.some((l) => l.includes('BACK_ORPHAN_MODULE'))).toBe(false);
    for (const f of error.findings) expect(f.hint.length).toBeGreaterThan(0);
    expect(error.findings[0]).toMatchObject({ ref: 'serviceRef{i.a}', dependencyKey: 'a' });
  });

  it('INIT-111, MOD-010, BACK-035: warning findings are logged at warn level during start()', async () => {
    const backend = createTestBackend();
    backend.add(plugin('p'));
    backend.add(module('absent', 'm'));
    await backend.start();
    const warning = backend.logs.find(
      (l) => l.level === 'warn' && l.meta['code'] === 'BACK_ORPHAN_MODULE',
    );
    expect(warning?.message).toContain("'m'");
    expect(warning?.message).toContain("'absent'");
    await backend.stop();
  });

  it('INIT-115: a missing dependency of a factory nothing would instantiate is not reported', async () => {
    const unused = createServiceFactory({
      service: rootRef('i.unused'),
      deps: { nothing: rootRef('i.nothing') },
      initialization: 'lazy',
      factory: () => 1,
    });
    expect(await findingsOf([plugin('p')], { defaultServiceFactories: [unused] })).toEqual([]);
    const used = await findingsOf([plugin('p', () => {}, { u: rootRef('i.unused') })], {
      defaultServiceFactories: [unused],
    });
    expect(used).toMatchObject([
      { code: 'INIT_MISSING_DEPENDENCY', serviceId: 'i.unused', dependencyKey: 'nothing' },
    ]);
  });
});

describe('startup timeline and pending reports (INIT-140 to INIT-155)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('INIT-142: every entry has kind, ids, beginAt, endAt and outcome', async () => {
    const backend = createTestBackend();
    backend.add(plugin('p', () => {}, { s: pluginRef('i.svc') }));
    backend.add(createServiceFactory({ service: pluginRef('i.svc'), deps: {}, factory: () => 1 }));
    backend.add(module('p', 'm'));
    const { result } = await backend.start();
    const kinds = new Set([
      'featureLoader',
      'rootService',
      'pluginService',
      'module',
      'plugin',
      'pluginStartupHooks',
      'rootStartupHooks',
    ]);
    for (const e of result.timeline!.entries) {
      expect(kinds.has(e.kind)).toBe(true);
      expect(e.beginAt).toBeInstanceOf(Date);
      expect(e.endAt).toBeInstanceOf(Date);
      expect(['success', 'failure', 'skipped']).toContain(e.outcome);
    }
    expect(result.timeline!.entries.find((e) => e.kind === 'pluginService')).toMatchObject({
      serviceId: 'i.svc',
      pluginId: 'p',
    });
    expect(result.timeline!.entries.find((e) => e.kind === 'module')).toMatchObject({
      pluginId: 'p',
      moduleId: 'm',
    });
    await backend.stop();
  });

  it('INIT-146, INIT-147: with no setting, the first pending report comes after 10 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let release: () => void = () => {};
    const backend = createTestBackend();
    backend.add(plugin('slow', () => new Promise<void>((r) => (release = r))));
    const started = backend.start();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(backend.logs.filter((l) => l.level === 'warn' && l.meta['waitChain'])).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.logs.filter((l) => l.level === 'warn' && l.meta['waitChain'])).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(backend.logs.filter((l) => l.level === 'warn' && l.meta['waitChain'])).toHaveLength(2);
    release();
    await started;
    await backend.stop();
  });

  it('INIT-147, INIT-148, INIT-149, INIT-150: a duration string from config sets the interval; the report carries the wait chain', async () => {
    let release: () => void = () => {};
    const slow = createServiceFactory({
      service: pluginRef('i.slow'),
      deps: {},
      factory: () => new Promise((r) => (release = () => r('ok'))),
    });
    const backend = createTestBackend({
      config: { backend: { startup: { pendingReportInterval: '15ms' } } },
      defaultServiceFactories: [slow],
    });
    backend.add(plugin('p', () => {}, { s: pluginRef('i.slow') }));
    const started = backend.start();
    await tick(40);
    const report = backend.logs.find((l) => l.level === 'warn' && l.meta['waitChain']);
    expect(report?.meta['waitChain']).toEqual([
      { kind: 'plugin', pluginId: 'p' },
      { kind: 'pluginService', pluginId: 'p', serviceId: 'i.slow' },
    ]);
    expect(report?.message).toContain("plugin 'p' waits on service 'i.slow' of plugin 'p'");
    release();
    await started;
    await backend.stop();
  });

  it('INIT-151: pendingReportInterval false disables the reports', async () => {
    let release: () => void = () => {};
    const backend = createTestBackend({
      config: { backend: { startup: { pendingReportInterval: false } } },
    });
    backend.add(plugin('p', () => new Promise<void>((r) => (release = r))));
    const started = backend.start();
    await tick(30);
    release();
    await started;
    expect(backend.logs.some((l) => l.meta['waitChain'])).toBe(false);
    await backend.stop();
  });

  it('INIT-152 CONF_INVALID_DURATION: a pendingReportInterval that is not a duration is a preflight error', async () => {
    for (const value of ['10', 'soonish', -5, { fortnights: 1 }, true]) {
      const findings = await findingsOf([plugin('p')], {
        config: { backend: { startup: { pendingReportInterval: value } } },
      });
      expect(findings).toMatchObject([
        {
          code: 'CONF_INVALID_DURATION',
          severity: 'error',
          configPath: 'backend.startup.pendingReportInterval',
        },
      ]);
    }
    for (const value of ['2s', 'PT1S', { seconds: 3 }, 500]) {
      expect(
        await findingsOf([plugin('p')], {
          config: { backend: { startup: { pendingReportInterval: value } } },
        }),
      ).toEqual([]);
    }
  });

  it('INIT-153, INIT-154: initialization progress goes through a child logger with type initialization; a summary lists every plugin', async () => {
    const backend = createTestBackend();
    backend.add(plugin('a'));
    backend.add(plugin('b'));
    await backend.start();
    const progress = backend.logs.filter((l) => l.meta['type'] === 'initialization');
    expect(progress[0]!.message).toContain("'a', 'b'");
    expect(progress.at(-1)!.message).toContain('complete');
    const summary = backend.logs.find(
      (l) => l.level === 'info' && Array.isArray(l.meta['plugins']),
    );
    expect(summary?.meta['plugins']).toMatchObject([
      { pluginId: 'a', outcome: 'success', durationMs: expect.any(Number) },
      { pluginId: 'b', outcome: 'success', durationMs: expect.any(Number) },
    ]);
    await backend.stop();
  });

  it('INIT-155: pending and progress timers are cleared when start() settles', async () => {
    const timers = (): number =>
      process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const backend = createTestBackend({
      config: { backend: { startup: { pendingReportInterval: '1h' } } },
    });
    backend.add(plugin('p'));
    await backend.start();
    expect(timers()).toBeLessThanOrEqual(before);
    await backend.stop();
  });
});
