import { describe, expect, it } from 'vitest';
import {
  coreServices,
  createBackendFeatureLoader,
  createServiceFactory,
  createServiceRef,
  type BackendFeature,
} from '../src/index.js';
import type { BackendStartupError } from '../src/runtime/BackendStartupError.js';
import type { BackendPreflightError } from '../src/runtime/preflight/BackendPreflightError.js';
import { createTestBackend, findingsOf, rejectionOf } from './helpers/testBackend.js';
import { continueAll, module, plugin, pluginRef, rootRef, type Deps } from './helpers/features.js';

async function run(
  features: BackendFeature[],
  options: Parameters<typeof createTestBackend>[0] = {},
) {
  const backend = createTestBackend(options);
  for (const f of features) backend.add(f);
  const outcome = await backend.start().then(
    (r) => ({ result: r.result, error: undefined }),
    (error: unknown) => ({ result: (error as Partial<BackendStartupError>).result, error }),
  );
  await backend.stop();
  return { backend, ...outcome };
}

describe('instances and scopes (SVC-001 to SVC-005)', () => {
  it('SVC-001, SVC-002, SVC-003, SVC-004, SVC-005, MOD-020, MOD-021: one root instance; one plugin instance per plugin id, shared with its modules', async () => {
    let rootCalls = 0;
    const pluginCalls: string[] = [];
    const root = createServiceFactory({
      service: rootRef('s.root'),
      deps: {},
      factory: async () => ({ root: ++rootCalls }),
    });
    const perPlugin = createServiceFactory({
      service: pluginRef('s.plugin'),
      deps: { meta: coreServices.pluginMetadata },
      factory: async ({ meta }) => {
        pluginCalls.push(meta.getId());
        return { for: meta.getId() };
      },
    });
    const got: Record<string, Deps> = {};
    const deps = {
      r: rootRef('s.root'),
      p: pluginRef('s.plugin'),
      meta: coreServices.pluginMetadata,
    };
    await run(
      [
        plugin('a', (d) => void (got['a'] = d), deps),
        module('a', 'm', (d) => void (got['a/m'] = d), deps),
        module('a', 'n', (d) => void (got['a/n'] = d), deps),
        plugin('b', (d) => void (got['b'] = d), deps),
      ],
      { defaultServiceFactories: [root, perPlugin] },
    );
    expect(rootCalls).toBe(1);
    expect(pluginCalls.sort()).toEqual(['a', 'b']);
    expect(got['a']!['r']).toBe(got['b']!['r']);
    expect(got['a']!['p']).toBe(got['a/m']!['p']);
    expect(got['a']!['p']).toBe(got['a/n']!['p']);
    expect(got['a']!['p']).not.toBe(got['b']!['p']);
    expect((got['a/m']!['meta'] as { getId(): string }).getId()).toBe('a');
  });
});

describe('calling factories (SVC-006 to SVC-014)', () => {
  it('SVC-006, SVC-007, SVC-008, SVC-010, SVC-011, SVC-012, SVC-013, SVC-014: factory arguments and the root context', async () => {
    const calls: Array<{ id: string; args: unknown[] }> = [];
    const multiRef = createServiceRef<string>({ id: 's.multi', scope: 'root', multiton: true });
    const multi = createServiceFactory({ service: multiRef, deps: {}, factory: () => 'm' });
    const config = createServiceFactory({
      service: rootRef<string>('s.cfg'),
      deps: {},
      factory: (...args: unknown[]) => (calls.push({ id: 'cfg', args }), 'cfg'),
    });
    let contexts = 0;
    let contextSettled = false;
    const withContext = createServiceFactory({
      service: pluginRef('s.ctx'),
      deps: { cfg: rootRef<string>('s.cfg'), meta: coreServices.pluginMetadata, multi: multiRef },
      async createRootContext(deps: Deps) {
        contexts++;
        calls.push({ id: 'createRootContext', args: [deps] });
        await new Promise((r) => setTimeout(r, 5));
        contextSettled = true;
        return { shared: true };
      },
      factory(deps: Deps, ctx: unknown) {
        calls.push({
          id: `ctx for ${(deps['meta'] as { getId(): string }).getId()}`,
          args: [deps, ctx, contextSettled],
        });
        return 'with context';
      },
    } as never);
    const without = createServiceFactory({
      service: pluginRef('s.noctx'),
      deps: {},
      factory: (...args: unknown[]) => (calls.push({ id: 'noctx', args }), 'x'),
    });
    await run(
      [
        plugin('a', () => {}, { c: pluginRef('s.ctx'), n: pluginRef('s.noctx') }),
        plugin('b', () => {}, { c: pluginRef('s.ctx') }),
      ],
      {
        defaultServiceFactories: [config, withContext, without, multi],
      },
    );
    expect(calls.find((c) => c.id === 'cfg')!.args).toEqual([{}]);
    expect(contexts).toBe(1);
    expect(
      Object.keys(calls.find((c) => c.id === 'createRootContext')!.args[0] as Deps).sort(),
    ).toEqual(['cfg', 'multi']);
    for (const id of ['ctx for a', 'ctx for b']) {
      const [deps, ctx, settled] = calls.find((c) => c.id === id)!.args as [Deps, unknown, boolean];
      expect(Object.keys(deps).sort()).toEqual(['cfg', 'meta', 'multi']);
      expect(deps['multi']).toEqual(['m']);
      expect(ctx).toEqual({ shared: true });
      expect(settled).toBe(true);
    }
    const noctx = calls.find((c) => c.id === 'noctx')!.args;
    expect(noctx).toHaveLength(2);
    expect(noctx[1]).toBeUndefined();
  });

  it('SVC-015 SVC_ROOT_CONTEXT_FAILED: every instantiation that needs a failed root context fails; it is not retried', async () => {
    let contexts = 0;
    const cause = new Error('ctx');
    const svc = createServiceFactory({
      service: pluginRef('s.badctx'),
      deps: {},
      createRootContext: () => {
        contexts++;
        throw cause;
      },
      factory: () => 1,
    } as never);
    const { result } = await run(
      [
        plugin('a', () => {}, { s: pluginRef('s.badctx') }),
        plugin('b', () => {}, { s: pluginRef('s.badctx') }),
      ],
      {
        defaultServiceFactories: [svc],
        config: continueAll,
      },
    );
    expect(contexts).toBe(1);
    for (const p of result!.plugins) {
      expect(p.failure!.error).toMatchObject({
        code: 'INIT_DEPENDENCY_FAILED',
        serviceId: 's.badctx',
      });
      expect(p.failure!.error.cause).toMatchObject({
        code: 'SVC_ROOT_CONTEXT_FAILED',
        serviceId: 's.badctx',
        cause,
      });
    }
  });
});

describe('multitons (SVC-016 to SVC-021)', () => {
  it('SVC-016, SVC-017, SVC-018, SVC-019, LOAD-035: defaults, then add() order, then loader output; no duplicate reported', async () => {
    const ref = createServiceRef<string>({ id: 's.many', scope: 'root', multiton: true });
    const f = (value: string) =>
      createServiceFactory({ service: ref, deps: {}, factory: () => value });
    let got: unknown;
    const { error } = await run(
      [
        f('added-1'),
        createBackendFeatureLoader({ loader: () => [f('loader-1'), f('loader-2')] }),
        plugin('p', (d) => void (got = d['m']), { m: ref }),
        f('added-2'),
      ],
      { defaultServiceFactories: [f('default-1')] },
    );
    expect(error).toBeUndefined();
    // BACK-005 refuses two defaults for one id, multiton or not.
    expect(got).toEqual(['default-1', 'added-1', 'added-2', 'loader-1', 'loader-2']);
  });

  it('SVC-020, SVC-021: an unprovided multiton is []; a multiton ref default factory is its only factory otherwise', async () => {
    const empty = createServiceRef<string>({ id: 's.empty', scope: 'root', multiton: true });
    const withDefault = createServiceRef<string>({
      id: 's.defaulted',
      scope: 'root',
      multiton: true,
      defaultFactory: async (ref) =>
        createServiceFactory({ service: ref, deps: {}, factory: () => 'from ref' }),
    });
    const got: Deps = {};
    await run([plugin('p', (d) => Object.assign(got, d), { empty, withDefault })]);
    expect(got).toEqual({ empty: [], withDefault: ['from ref'] });
  });
});

describe('initialization defaults (SVC-022, SVC-023)', () => {
  it('SVC-022, SVC-023: a root factory without initialization is eager; a plugin one is lazy', async () => {
    const built: string[] = [];
    const root = createServiceFactory({
      service: rootRef('s.eagerroot'),
      deps: {},
      factory: () => void built.push('root'),
    });
    const plug = createServiceFactory({
      service: pluginRef('s.lazyplugin'),
      deps: {},
      factory: () => void built.push('plugin'),
    });
    await run([plugin('p')], { defaultServiceFactories: [root, plug] });
    expect(built).toEqual(['root']);
  });
});

describe('precedence (SVC-027 to SVC-031)', () => {
  it('SVC-027, SVC-028, SVC-029, SVC-030, SVC-031, LOAD-030, LOAD-032: added > loader > default > ref default; losers are never called', async () => {
    const calls: string[] = [];
    const loaderCalls: string[] = [];
    const make = (ref: ReturnType<typeof rootRef<string>>, tag: string) =>
      createServiceFactory({
        service: ref,
        deps: {},
        initialization: 'lazy',
        factory: () => (calls.push(`${ref.id}:${tag}`), tag),
      });
    const refLoader = (id: string) => async (ref: ReturnType<typeof rootRef<string>>) => (
      loaderCalls.push(id),
      make(ref, 'ref')
    );
    const a = createServiceRef<string>({
      id: 's.a',
      scope: 'root',
      defaultFactory: refLoader('s.a'),
    });
    const b = createServiceRef<string>({
      id: 's.b',
      scope: 'root',
      defaultFactory: refLoader('s.b'),
    });
    const c = createServiceRef<string>({
      id: 's.c',
      scope: 'root',
      defaultFactory: refLoader('s.c'),
    });
    const got: Deps = {};
    await run(
      [
        createBackendFeatureLoader({ loader: () => [make(a, 'loader'), make(b, 'loader')] }),
        plugin('p', (d) => Object.assign(got, d), { a, b, c }),
        make(a, 'added'),
      ],
      { defaultServiceFactories: [make(a, 'default'), make(b, 'default'), make(c, 'default')] },
    );
    expect(got).toEqual({ a: 'added', b: 'loader', c: 'default' });
    expect(calls.sort()).toEqual(['s.a:added', 's.b:loader', 's.c:default']);
    expect(loaderCalls).toEqual([]);
  });
});

describe('ref default factories (SVC-032 to SVC-038)', () => {
  it('SVC-032, SVC-033, SVC-034, SVC-036: called once with the ref, may return a function; one factory and root context for all plugins', async () => {
    const received: unknown[] = [];
    let contexts = 0;
    const loader = async (ref: unknown) => {
      received.push(ref);
      return () =>
        createServiceFactory({
          service: ref as ReturnType<typeof pluginRef<string>>,
          deps: { meta: coreServices.pluginMetadata },
          createRootContext: () => ++contexts,
          factory: ({ meta }: Deps) => (meta as { getId(): string }).getId(),
        } as never);
    };
    const one = createServiceRef<string>({
      id: 's.shared',
      scope: 'plugin',
      defaultFactory: loader as never,
    });
    const two = createServiceRef<string>({
      id: 's.shared',
      scope: 'plugin',
      defaultFactory: loader as never,
    });
    const got: string[] = [];
    await run([
      plugin('a', (d) => void got.push(d['s'] as string), { s: one }),
      plugin('b', (d) => void got.push(d['s'] as string), { s: two }),
    ]);
    expect(received).toHaveLength(1);
    expect([one, two]).toContain(received[0]);
    expect(got.sort()).toEqual(['a', 'b']);
    expect(contexts).toBe(1);
  });

  it('SVC-035: a ref nobody depends on never has its default factory loader called', async () => {
    let called = false;
    createServiceRef<string>({
      id: 's.unused',
      scope: 'root',
      defaultFactory: async () => ((called = true), undefined as never),
    });
    await run([plugin('p')]);
    expect(called).toBe(false);
  });

  it('SVC-037 SVC_DEFAULT_FACTORY_LOADER_FAILED and SVC-038 SVC_INVALID_DEFAULT_FACTORY: named by service id, with the cause', async () => {
    const cause = new Error('package missing');
    const throwing = createServiceRef<string>({
      id: 's.throws',
      scope: 'root',
      defaultFactory: async () => {
        throw cause;
      },
    });
    const invalid = createServiceRef<string>({
      id: 's.invalid',
      scope: 'root',
      defaultFactory: async () => ({ nope: true }) as never,
    });
    const other = createServiceRef<string>({
      id: 's.wrongid',
      scope: 'root',
      defaultFactory: async () =>
        createServiceFactory({
          service: rootRef<string>('s.elsewhere'),
          deps: {},
          factory: () => 'x',
        }) as never,
    });
    const findings = await findingsOf([plugin('p', () => {}, { throwing, invalid, other })]);
    expect(findings).toMatchObject([
      { code: 'SVC_DEFAULT_FACTORY_LOADER_FAILED', serviceId: 's.throws', cause },
      { code: 'SVC_INVALID_DEFAULT_FACTORY', serviceId: 's.invalid' },
      { code: 'SVC_INVALID_DEFAULT_FACTORY', serviceId: 's.wrongid' },
    ]);
  });
});

describe('plugin metadata (SVC-039 to SVC-041)', () => {
  it('SVC-039, SVC-040: core.pluginMetadata is always there and names the plugin', async () => {
    const ids: string[] = [];
    const backend = createTestBackend();
    backend.add(
      plugin('one', (d) => void ids.push((d['m'] as { getId(): string }).getId()), {
        m: coreServices.pluginMetadata,
      }),
    );
    backend.add(
      plugin('two', (d) => void ids.push((d['m'] as { getId(): string }).getId()), {
        m: coreServices.pluginMetadata,
      }),
    );
    expect((await backend.validate()).findings).toEqual([]);
    await backend.start();
    expect(ids.sort()).toEqual(['one', 'two']);
    await backend.stop();
  });
});

describe('scope rules and missing dependencies (SVC-043 to SVC-046)', () => {
  it('SVC-043 SVC_SCOPE_VIOLATION: a root factory from add() with a plugin-scoped dep is a preflight error naming both ids', async () => {
    const bad = createServiceFactory({
      service: rootRef('s.rootsvc'),
      deps: { p: pluginRef('s.pluginsvc') } as never,
      factory: () => 1,
    });
    const finding = (await findingsOf([bad, plugin('p')])).find(
      (f) => f.code === 'SVC_SCOPE_VIOLATION',
    );
    expect(finding).toMatchObject({ code: 'SVC_SCOPE_VIOLATION', serviceId: 's.rootsvc' });
    expect(finding!.message).toContain("'s.pluginsvc'");
  });

  it('SVC-044, SVC-045, SVC-046: missing deps of services, plugins and modules name the dependent and the missing id; core ids suggest version skew', async () => {
    const svc = createServiceFactory({
      service: pluginRef('s.needy'),
      deps: { gone: rootRef('s.gone') },
      factory: () => 1,
    });
    const events: string[] = [];
    const findings = await findingsOf([
      svc,
      plugin('p', () => void events.push('p'), {
        n: pluginRef('s.needy'),
        auditor: rootRef('core.auditor'),
      }),
      module('p', 'm', () => {}, { x: rootRef('s.x') }),
    ]);
    expect(findings.map((f) => [f.code, f.pluginId, f.moduleId, f.serviceId, f.ref])).toEqual([
      ['INIT_MISSING_DEPENDENCY', undefined, undefined, 's.needy', 'serviceRef{s.gone}'],
      ['INIT_MISSING_DEPENDENCY', 'p', undefined, undefined, 'serviceRef{core.auditor}'],
      ['INIT_MISSING_DEPENDENCY', 'p', 'm', undefined, 'serviceRef{s.x}'],
    ]);
    expect(findings[1]!.message).toContain('newer version');
    expect(events).toEqual([]);
  });
});

describe('circular dependencies (SVC-051 to SVC-056)', () => {
  it('SVC-052, SVC-053, SVC-055: a factory wrapping its own service is a cycle, reported without hanging', async () => {
    const self = rootRef('s.self');
    const wrapper = createServiceFactory({
      service: self,
      deps: { inner: self },
      factory: () => 1,
    });
    const backend = createTestBackend();
    backend.add(wrapper);
    backend.add(plugin('p', () => {}, { s: self }));
    const graph = await backend.graph();
    expect(graph.nodes.some((n) => n.id === 'service:s.self')).toBe(true);
    const error = (await rejectionOf(backend.start())) as BackendPreflightError;
    const finding = error.findings.find((f) => f.code === 'SVC_CIRCULAR_DEPENDENCY')!;
    expect(finding.cycle).toEqual(['s.self', 's.self']);
    expect(finding.message).toContain("'s.self' -> 's.self'");
  });

  it('SVC-051: a cycle through a ref default factory is found before any factory in it runs', async () => {
    const calls: string[] = [];
    const a: ReturnType<typeof rootRef> = createServiceRef<unknown>({
      id: 's.cyc-a',
      scope: 'root',
      defaultFactory: async (ref) =>
        createServiceFactory({
          service: ref,
          deps: { b: rootRef('s.cyc-b') },
          factory: () => void calls.push('a'),
        }),
    });
    const b = createServiceFactory({
      service: rootRef('s.cyc-b'),
      deps: { a },
      initialization: 'lazy',
      factory: () => void calls.push('b'),
    });
    const backend = createTestBackend();
    backend.add(b);
    backend.add(plugin('p', () => {}, { a }));
    const error = (await rejectionOf(backend.start())) as BackendPreflightError;
    expect(error.findings.find((f) => f.code === 'SVC_CIRCULAR_DEPENDENCY')?.cycle).toEqual([
      's.cyc-a',
      's.cyc-b',
      's.cyc-a',
    ]);
    expect(calls).toEqual([]);
  });
});

describe('cycle reports and duplicates (SVC-054, SVC-056, SVC-057, SVC-009)', () => {
  it('SVC-047, SVC-054, SVC-055, SVC-056: one cycle per strongly connected component, rotated to its smallest id', async () => {
    const f = (id: string, dep: string) =>
      createServiceFactory({ service: rootRef(id), deps: { d: rootRef(dep) }, factory: () => 1 });
    const defaults = [
      f('s.z', 's.m'),
      f('s.m', 's.z'),
      f('s.q', 's.p'),
      f('s.p', 's.r'),
      f('s.r', 's.q'),
    ];
    const error = (() => {
      try {
        createTestBackend({ defaultServiceFactories: defaults });
      } catch (e) {
        return e as { code: string; cycles: string[][]; message: string };
      }
      throw new Error('expected a throw');
    })();
    expect(error.code).toBe('SVC_CIRCULAR_DEPENDENCY');
    expect(error.cycles).toEqual([
      ['s.m', 's.z', 's.m'],
      ['s.p', 's.r', 's.q', 's.p'],
    ]);
    expect(error.message).toContain("'s.p' -> 's.r' -> 's.q' -> 's.p'");
  });

  it('SVC-050, SVC-057: two added factories for one singleton name the id and both features[i] paths', async () => {
    const f = createServiceFactory({ service: rootRef('s.twice'), deps: {}, factory: () => 1 });
    const findings = await findingsOf([plugin('p'), f, f]);
    expect(findings).toMatchObject([{ code: 'SVC_DUPLICATE_FACTORY', serviceId: 's.twice' }]);
    expect(findings[0]!.message).toContain('features[1]');
    expect(findings[0]!.message).toContain('features[2]');
  });

  it('SVC-009: the dependencies of one factory are resolved concurrently', async () => {
    let active = 0;
    let peak = 0;
    const slow = (id: string) =>
      createServiceFactory({
        service: rootRef(id),
        deps: {},
        initialization: 'lazy',
        factory: async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
          return id;
        },
      });
    const top = createServiceFactory({
      service: rootRef('s.top'),
      deps: { a: rootRef('s.slow-a'), b: rootRef('s.slow-b') },
      initialization: 'lazy',
      factory: ({ a, b }) => [a, b],
    });
    await run([plugin('p', () => {}, { t: rootRef('s.top') })], {
      defaultServiceFactories: [slow('s.slow-a'), slow('s.slow-b'), top],
    });
    expect(peak).toBe(2);
  });
});

describe('construction errors (SVC-059 to SVC-066)', () => {
  it('SVC-060, SVC-061, SVC-066: a failed factory is not called again; dependents fail with its error, without their factory being called', async () => {
    let calls = 0;
    let dependentCalls = 0;
    const cause = new Error('broken');
    const base = createServiceFactory({
      service: rootRef('s.base'),
      deps: {},
      initialization: 'lazy',
      factory: () => {
        calls++;
        throw cause;
      },
    });
    const dependent = createServiceFactory({
      service: rootRef('s.dependent'),
      deps: { base: rootRef('s.base') },
      initialization: 'lazy',
      factory: () => void dependentCalls++,
    });
    const { result } = await run(
      [
        plugin('a', () => {}, { b: rootRef('s.base') }),
        plugin('b', () => {}, { b: rootRef('s.base') }),
        plugin('c', () => {}, { d: rootRef('s.dependent') }),
      ],
      { defaultServiceFactories: [base, dependent], config: continueAll },
    );
    expect(calls).toBe(1);
    expect(dependentCalls).toBe(0);
    const errors = result!.plugins.map(
      (p) => p.failure!.error.cause as { code: string; serviceId: string },
    );
    for (const e of errors)
      expect(e).toMatchObject({ code: 'SVC_FACTORY_FAILED', serviceId: 's.base' });
    expect(errors[0]).toBe(errors[1]);
  });
});
