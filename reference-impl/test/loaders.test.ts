import { describe, expect, it } from 'vitest';
import {
  coreServices,
  createBackendFeatureLoader,
  createServiceFactory,
  createServiceRef,
} from '../src/index.js';
import type { BackendPreflightError } from '../src/runtime/preflight/BackendPreflightError.js';
import { module, plugin, rootRef, run } from './helpers/features.js';
import {
  createTestBackend,
  findingsOf,
  loaderDescription,
  rawFeature,
  rawPlugin,
  rejectionOf,
} from './helpers/testBackend.js';

describe('loader dependencies (LOAD-001 to LOAD-008)', () => {
  it('LOAD-001, LOAD-002, LOAD-004, LOAD-006: all added loaders are checked before any runs; a missing dep is a finding with key and ref', async () => {
    const ran: string[] = [];
    const good = createBackendFeatureLoader({ loader: () => (ran.push('good'), []) });
    const missing = createBackendFeatureLoader({
      deps: { cfg: rootRef('l.absent') },
      loader: () => (ran.push('missing'), []),
    });
    const backend = createTestBackend();
    backend.add(good);
    backend.add(missing);
    const error = (await rejectionOf(backend.start())) as BackendPreflightError;
    expect(error.code).toBe('INIT_PREFLIGHT_FAILED');
    expect(error.findings).toMatchObject([
      {
        code: 'LOAD_MISSING_DEPENDENCY',
        loader: loaderDescription(missing),
        dependencyKey: 'cfg',
        ref: 'serviceRef{l.absent}',
      },
    ]);
    expect(ran).toEqual([]);
    await backend.stop();
  });

  it('LOAD-001: a loader produced by another loader is checked before it runs', async () => {
    const ran: string[] = [];
    const inner = createBackendFeatureLoader({
      deps: { x: rootRef('l.none') },
      loader: () => (ran.push('inner'), []),
    });
    const outer = createBackendFeatureLoader({ loader: () => (ran.push('outer'), [inner]) });
    const findings = await findingsOf([outer]);
    expect(findings).toMatchObject([
      { code: 'LOAD_MISSING_DEPENDENCY', loader: loaderDescription(inner) },
    ]);
    expect(ran).toEqual(['outer']);
  });

  it('LOAD-005, LOAD-007, LOAD-008: the loader gets exactly its deps, built (with their own deps) before it runs; a missing multiton is []', async () => {
    const events: string[] = [];
    const base = createServiceFactory({
      service: rootRef<string>('l.base'),
      deps: {},
      initialization: 'lazy',
      factory: () => (events.push('base built'), 'base'),
    });
    const top = createServiceFactory({
      service: rootRef<string>('l.top'),
      deps: { base: rootRef<string>('l.base') },
      initialization: 'lazy',
      factory: ({ base: b }) => (events.push('top built'), `top(${b})`),
    });
    const many = createServiceRef<string>({ id: 'l.many', scope: 'root', multiton: true });
    let received: unknown;
    await run(
      [
        createBackendFeatureLoader({
          deps: { top: rootRef<string>('l.top'), many },
          loader: (deps) => {
            received = deps;
            events.push('loader');
            return [];
          },
        }),
      ],
      { defaultServiceFactories: [base, top] },
    );
    expect(received).toEqual({ top: 'top(base)', many: [] });
    expect(events).toEqual(['base built', 'top built', 'loader']);
  });
});

describe('running loaders (LOAD-010 to LOAD-016)', () => {
  it('LOAD-010, LOAD-011, LOAD-013, LOAD-014: one at a time, in add() order, nested to any depth, all before any getRegistrations()', async () => {
    const events: string[] = [];
    let active = 0;
    const slow = (name: string, produce: () => unknown[] = () => []) =>
      createBackendFeatureLoader({
        loader: async () => {
          active++;
          events.push(`${name} begins (${active} active)`);
          await new Promise((r) => setTimeout(r, 3));
          active--;
          return produce() as never;
        },
      });
    const registrations = rawFeature(() => (events.push('getRegistrations'), [rawPlugin('p')]));
    const depth3 = slow('depth3', () => [registrations]);
    const depth2 = slow('depth2', () => [depth3]);
    await run([slow('first', () => [depth2]), registrations, slow('second')]);
    expect(events).toEqual([
      'first begins (1 active)',
      'second begins (1 active)',
      'depth2 begins (1 active)',
      'depth3 begins (1 active)',
      'getRegistrations',
      'getRegistrations',
    ]);
  });

  it('LOAD-016, INIT-114: findings about registrations a loader produced carry its description and the registration path', async () => {
    const loader = createBackendFeatureLoader({
      loader: () => [plugin('p', () => {}, { s: rootRef('l.nothing') }), module('ghost', 'm')],
    });
    const findings = await findingsOf([loader]);
    expect(findings).toMatchObject([
      {
        code: 'INIT_MISSING_DEPENDENCY',
        pluginId: 'p',
        loader: loaderDescription(loader),
        path: 'features[0].loader()[0].getRegistrations()[0].init.deps.s',
      },
      {
        code: 'BACK_ORPHAN_MODULE',
        pluginId: 'ghost',
        loader: loaderDescription(loader),
        path: 'features[0].loader()[1].getRegistrations()[0]',
      },
    ]);
  });

  it('LOAD-012: features from a loader behave as if added: plugins, modules and factories', async () => {
    const got: unknown[] = [];
    await run([
      createBackendFeatureLoader({
        loader: () => [
          plugin('p', (d) => void got.push(d['s']), { s: rootRef('l.svc') }),
          module('p', 'm', () => void got.push('module')),
          createServiceFactory({
            service: rootRef<string>('l.svc'),
            deps: {},
            factory: () => 'from loader',
          }),
        ],
      }),
    ]);
    expect(got).toEqual(['module', 'from loader']);
  });
});

describe('loader failures (LOAD-020 to LOAD-023)', () => {
  it('LOAD-020, LOAD-022: a failing iteration is LOAD_LOADER_FAILED and nothing further runs or is collected', async () => {
    const events: string[] = [];
    const failing = createBackendFeatureLoader({
      async *loader() {
        yield plugin('early', () => void events.push('early init'));
        throw new Error('iteration broke');
      },
    });
    const later = createBackendFeatureLoader({ loader: () => (events.push('later loader'), []) });
    const backend = createTestBackend();
    backend.add(
      rawFeature(() => (events.push('getRegistrations'), [rawPlugin('direct')])) as never,
    );
    backend.add(failing);
    backend.add(later);
    const error = await rejectionOf(backend.start());
    expect(error).toMatchObject({ code: 'LOAD_LOADER_FAILED', loader: loaderDescription(failing) });
    expect(((error as Error).cause as Error).message).toBe('iteration broke');
    expect(events).toEqual([]);
    await backend.stop();
  });

  it('LOAD-023: a root service the loader needs failing to build is LOAD_LOADER_FAILED with that error as cause', async () => {
    const cause = new Error('config unreadable');
    const config = createServiceFactory({
      service: rootRef('l.cfg'),
      deps: {},
      factory: () => {
        throw cause;
      },
    });
    const loader = createBackendFeatureLoader({
      deps: { cfg: rootRef('l.cfg') },
      loader: () => [],
    });
    const backend = createTestBackend({ defaultServiceFactories: [config] });
    backend.add(loader);
    const error = await rejectionOf(backend.start());
    expect(error).toMatchObject({ code: 'LOAD_LOADER_FAILED', loader: loaderDescription(loader) });
    expect(((error as Error).cause as { cause?: unknown }).cause).toBe(cause);
    await backend.stop();
  });
});

describe('service factories from loaders (LOAD-030 to LOAD-037)', () => {
  it('LOAD-031: an ignored loader factory is logged at info with the service id and loader', async () => {
    const ref = rootRef<string>('l.overridden');
    const loader = createBackendFeatureLoader({
      loader: () => [createServiceFactory({ service: ref, deps: {}, factory: () => 'loader' })],
    });
    const { backend } = await run([
      loader,
      createServiceFactory({ service: ref, deps: {}, factory: () => 'added' }),
      plugin('p', () => {}, { s: ref }),
    ]);
    const log = backend.logs.find((l) => l.level === 'info' && l.message.includes('l.overridden'));
    expect(log?.message).toContain(loaderDescription(loader));
  });

  it('LOAD-033, LOAD-034: two loaders providing one singleton name the service and both loaders', async () => {
    const ref = rootRef<string>('l.both');
    const a = createBackendFeatureLoader({
      loader: () => [createServiceFactory({ service: ref, deps: {}, factory: () => 'a' })],
    });
    const b = createBackendFeatureLoader({
      loader: () => [createServiceFactory({ service: ref, deps: {}, factory: () => 'b' })],
    });
    const findings = await findingsOf([a, b]);
    expect(findings).toMatchObject([
      { code: 'LOAD_DUPLICATE_SERVICE_FACTORY', serviceId: 'l.both' },
    ]);
    expect(findings[0]!.message).toContain(loaderDescription(a));
    expect(findings[0]!.message).toContain(loaderDescription(b));
  });

  it('LOAD-036, LOAD-037: a loader replacing a service loaders depend on is reported in either add() order', async () => {
    const ref = rootRef<{ getOptional(): undefined }>('l.config');
    const consumer = createBackendFeatureLoader({ deps: { c: ref }, loader: () => [] });
    const provider = createBackendFeatureLoader({
      loader: () => [
        createServiceFactory({
          service: ref,
          deps: {},
          factory: () => ({ getOptional: () => undefined }),
        }),
      ],
    });
    const defaults = [
      createServiceFactory({
        service: ref,
        deps: {},
        factory: () => ({ getOptional: () => undefined }),
      }),
    ];
    for (const order of [
      [consumer, provider],
      [provider, consumer],
    ]) {
      const findings = await findingsOf(order, { defaultServiceFactories: defaults });
      expect(findings).toMatchObject([
        {
          code: 'LOAD_LOADER_DEPENDENCY_REPLACED',
          serviceId: 'l.config',
          loader: loaderDescription(provider),
        },
      ]);
    }
    void coreServices;
  });
});
