import { describe, expect, it } from 'vitest';
import {
  coreServices,
  createBackendFeatureLoader,
  createBackendModule,
  createBackendPlugin,
  createExtensionPoint,
  createServiceFactory,
  createServiceRef,
} from '../src/index.js';
import type { BackendPreflightError } from '../src/runtime/preflight/BackendPreflightError.js';
import {
  createTestBackend,
  findingsOf,
  loaderDescription,
  rawFeature,
  rawModule,
  rawPlugin,
  rejectionOf,
  thrownBy,
} from './helpers/testBackend.js';

const TAG = '@backstage/BackendFeature';

/** The first error finding for a single added value. */
async function findingFor(value: unknown): Promise<Record<string, unknown>> {
  const findings = await findingsOf([value]);
  const errors = findings.filter((f) => f.severity === 'error');
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

const serviceRef = { id: 'w.svc', scope: 'root' };

describe('feature objects (FEAT-004 to FEAT-009)', () => {
  it('FEAT-005 FEAT_NOT_A_FEATURE: null, undefined and primitives are rejected with their path', async () => {
    for (const value of [null, 42, 'x', true]) {
      expect(await findingFor(value)).toMatchObject({
        code: 'FEAT_NOT_A_FEATURE',
        path: 'features[0]',
      });
    }
  });

  it('FEAT-006, FEAT-007 FEAT_INVALID_TYPE_TAG: $$type is checked before any other property', async () => {
    let read = false;
    const value = {
      $$type: '@backstage/Other',
      get featureType() {
        read = true;
        return 'service';
      },
    };
    expect(await findingFor(value)).toMatchObject({
      code: 'FEAT_INVALID_TYPE_TAG',
      path: 'features[0].$$type',
    });
    expect(read).toBe(false);
  });

  it('FEAT-008, FEAT-009 FEAT_UNSUPPORTED_VERSION: version is checked right after $$type', async () => {
    let read = false;
    const value = {
      $$type: TAG,
      version: 'v2',
      get featureType() {
        read = true;
        return 'service';
      },
    };
    expect(await findingFor(value)).toMatchObject({
      code: 'FEAT_UNSUPPORTED_VERSION',
      path: 'features[0].version',
    });
    expect(read).toBe(false);
  });

  it('FEAT-004: unknown properties on features, records and refs are ignored', async () => {
    let ran = false;
    const feature = rawFeature(
      [
        rawPlugin('extra', {
          future: 1,
          init: {
            deps: { s: { ...serviceRef, flavour: 'x' } },
            func: () => void (ran = true),
            note: 'x',
          },
        }),
      ],
      { surprise: true },
    );
    const svc = {
      $$type: TAG,
      version: 'v1',
      featureType: 'service',
      service: serviceRef,
      deps: {},
      factory: () => 1,
      extra: 'y',
    };
    const backend = createTestBackend();
    backend.add(feature as never);
    backend.add(svc as never);
    await backend.start();
    expect(ran).toBe(true);
    await backend.stop();
  });
});

describe('classifying features (FEAT-010 to FEAT-013)', () => {
  it('FEAT-010: a feature with a service property is a service factory whatever its featureType says', async () => {
    const factory = {
      $$type: TAG,
      version: 'v1',
      featureType: 'loader',
      service: serviceRef,
      deps: {},
      factory: () => 'svc',
    };
    let got: unknown;
    const backend = createTestBackend();
    backend.add(factory as never);
    backend.add(
      rawFeature([
        rawPlugin('c', {
          init: { deps: { s: serviceRef }, func: ({ s }: { s: unknown }) => void (got = s) },
        }),
      ]) as never,
    );
    await backend.start();
    expect(got).toBe('svc');
    await backend.stop();
  });

  it('FEAT-011, FEAT-012: featureType loader, and getRegistrations without featureType (older packages)', async () => {
    const seen: string[] = [];
    const legacy = {
      $$type: TAG,
      version: 'v1',
      getRegistrations: () => [
        rawPlugin('legacy', { init: { deps: {}, func: () => void seen.push('legacy') } }),
      ],
    };
    const loader = {
      $$type: TAG,
      version: 'v1',
      featureType: 'loader',
      description: 'l',
      loader: async () => [legacy],
    };
    const backend = createTestBackend();
    backend.add(loader as never);
    await backend.start();
    expect(seen).toEqual(['legacy']);
    await backend.stop();
  });

  it('FEAT-013 FEAT_UNKNOWN_FEATURE_TYPE: an unclassifiable feature names its featureType path', async () => {
    expect(await findingFor({ $$type: TAG, version: 'v1', featureType: 'widget' })).toMatchObject({
      code: 'FEAT_UNKNOWN_FEATURE_TYPE',
      path: 'features[0].featureType',
    });
  });
});

describe('module namespaces (FEAT-014, FEAT-015)', () => {
  it('FEAT-014, FEAT-015: default is unwrapped at most twice; a third level fails with FEAT_INVALID_TYPE_TAG', async () => {
    const seen: string[] = [];
    const p = (id: string) =>
      createBackendPlugin({
        pluginId: id,
        register: (r) => r.registerInit({ deps: {}, init: async () => void seen.push(id) }),
      });
    const backend = createTestBackend();
    backend.add({ default: p('one') } as never);
    backend.add(Promise.resolve({ default: { default: p('two') } }) as never);
    await backend.start();
    expect(seen.sort()).toEqual(['one', 'two']);
    await backend.stop();
    expect(await findingFor({ default: { default: { default: p('three') } } })).toMatchObject({
      code: 'FEAT_INVALID_TYPE_TAG',
      path: 'features[0].$$type',
    });
  });
});

describe('validation paths (FEAT-016 to FEAT-022)', () => {
  it('FEAT-016, FEAT-017, FEAT-019, FEAT-020, FEAT-021: paths count add() calls, extend by property, index and (), and appear in the message', async () => {
    const ok = createBackendPlugin({
      pluginId: 'ok',
      register: (r) => r.registerInit({ deps: {}, init: async () => {} }),
    });
    const bad = rawFeature([
      rawPlugin('bad', {
        init: { deps: { config: { id: 'core.rootConfig' } }, func: async () => {} },
      }),
    ]);
    const findings = await findingsOf([
      ok,
      {
        $$type: TAG,
        version: 'v1',
        featureType: 'service',
        service: serviceRef,
        deps: [],
        factory: () => 1,
      },
      bad,
    ]);
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['FEAT_INVALID_SERVICE_FACTORY', 'features[1].deps'],
      ['FEAT_INVALID_SERVICE_REF', 'features[2].getRegistrations()[0].init.deps.config.scope'],
    ]);
    for (const f of findings) expect(f.message).toContain(f.path!);
    expect(findings[0]!.message).toMatch(
      /^Invalid backend feature at features\[1\]\.deps, expected .*, received an array/,
    );
  });

  it('FEAT-018, LOAD-016, INIT-114: items a loader produces have the path <p>.loader()[<j>] and carry the loader', async () => {
    const loader = createBackendFeatureLoader({
      loader: async () => [
        createBackendPlugin({
          pluginId: 'fine',
          register: (r) => r.registerInit({ deps: {}, init: async () => {} }),
        }),
        { default: 42 } as never,
      ],
    });
    const findings = await findingsOf([loader]);
    expect(findings).toMatchObject([
      {
        code: 'FEAT_NOT_A_FEATURE',
        path: 'features[0].loader()[1]',
        loader: loaderDescription(loader),
      },
    ]);
  });

  it('FEAT-022: an error inside a registration carries pluginId, and moduleId for a module', async () => {
    const findings = await findingsOf([
      rawFeature([rawModule('cat', 'gh', { extensionPoints: 'nope' })]),
      rawFeature([rawPlugin('cat', { init: { deps: {}, func: 'nope' } })]),
    ]);
    expect(findings).toMatchObject([
      {
        code: 'FEAT_INVALID_REGISTRATION',
        path: 'features[1].getRegistrations()[0].init.func',
        pluginId: 'cat',
      },
      {
        code: 'FEAT_INVALID_REGISTRATION',
        path: 'features[0].getRegistrations()[0].extensionPoints',
        pluginId: 'cat',
        moduleId: 'gh',
      },
    ]);
  });
});

describe('registrations (FEAT-030 to FEAT-051)', () => {
  it('FEAT-030, FEAT-031: getRegistrations() is not called before start(), and once per start()', async () => {
    let calls = 0;
    const feature = rawFeature(() => {
      calls++;
      return [rawPlugin('counted')];
    });
    const backend = createTestBackend();
    backend.add(feature as never);
    expect(calls).toBe(0);
    await backend.start();
    expect(calls).toBe(1);
    await backend.stop();
  });

  it('FEAT-032, FEAT-033, FEAT-034 FEAT_INVALID_REGISTRATIONS: getRegistrations not a function, not an array, or a non-object element', async () => {
    const findings = await findingsOf([
      { $$type: TAG, version: 'v1', featureType: 'registrations', getRegistrations: 'x' },
      rawFeature(() => ({})),
      rawFeature([rawPlugin('fine-a'), ['array']]),
      rawFeature([null]),
    ]);
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['FEAT_INVALID_REGISTRATIONS', 'features[0].getRegistrations'],
      ['FEAT_INVALID_REGISTRATIONS', 'features[1].getRegistrations()'],
      ['FEAT_INVALID_REGISTRATIONS', 'features[2].getRegistrations()[1]'],
      ['FEAT_INVALID_REGISTRATIONS', 'features[3].getRegistrations()[0]'],
    ]);
  });

  it('FEAT-035 FEAT_REGISTRATION_FAILED: a throwing getRegistrations() keeps the thrown value as cause (BACK-097)', async () => {
    const thrown = new Error('register broke');
    const [finding] = await findingsOf([
      rawFeature(() => {
        throw thrown;
      }),
    ]);
    expect(finding).toMatchObject({
      code: 'FEAT_REGISTRATION_FAILED',
      path: 'features[0]',
      cause: thrown,
    });
  });

  it('FEAT-036, FEAT-037, FEAT-044: none, several and legacy records are accepted; legacy tuples act as factories', async () => {
    const ep = createExtensionPoint<{ tag: string }>({ id: 'legacy.ep' });
    const impl = { tag: 'legacy' };
    const got: unknown[] = [];
    const backend = createTestBackend();
    backend.add(rawFeature([]) as never);
    backend.add(
      rawFeature([
        {
          type: 'plugin',
          pluginId: 'old',
          extensionPoints: [[ep, impl]],
          init: { deps: {}, func: async () => {} },
        },
        {
          type: 'module',
          pluginId: 'old',
          moduleId: 'm',
          extensionPoints: [],
          init: { deps: { ep }, func: async ({ ep: e }: { ep: unknown }) => void got.push(e) },
        },
        rawPlugin('new'),
      ]) as never,
    );
    const { result } = await backend.start();
    expect(got).toEqual([impl]);
    expect(got[0]).toBe(impl);
    expect(result.plugins.map((p) => p.pluginId).sort()).toEqual(['new', 'old']);
    await backend.stop();
  });

  it('FEAT-038 FEAT_UNKNOWN_REGISTRATION_TYPE', async () => {
    expect(await findingFor(rawFeature([{ ...rawPlugin('x'), type: 'plugin-v9' }]))).toMatchObject({
      code: 'FEAT_UNKNOWN_REGISTRATION_TYPE',
      path: 'features[0].getRegistrations()[0]',
    });
  });

  it('FEAT-039, FEAT-040, FEAT-041, FEAT-042, FEAT-046, FEAT-047, FEAT-048 FEAT_INVALID_REGISTRATION: each malformed field is named', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [rawPlugin(7), 'pluginId'],
      [rawModule('p', null), 'moduleId'],
      [rawPlugin('p', { extensionPoints: {} }), 'extensionPoints'],
      [rawPlugin('p', { extensionPoints: [null] }), 'extensionPoints[0]'],
      [
        rawPlugin('p', { extensionPoints: [{ extensionPoint: { id: 'e' }, factory: 1 }] }),
        'extensionPoints[0].factory',
      ],
      [rawPlugin('p', { init: [] }), 'init'],
      [rawPlugin('p', { init: { deps: null, func: () => {} } }), 'init.deps'],
      [rawPlugin('p', { init: { deps: {} } }), 'init.func'],
    ];
    for (const [record, field] of cases) {
      expect(await findingFor(rawFeature([record]))).toMatchObject({
        code: 'FEAT_INVALID_REGISTRATION',
        path: `features[0].getRegistrations()[0].${field}`,
      });
    }
  });

  it('FEAT-043, FEAT-045, FEAT-079 FEAT_INVALID_EXTENSION_POINT_REF: a bad ref in either registration form', async () => {
    expect(
      await findingFor(
        rawFeature([
          rawPlugin('p', { extensionPoints: [{ extensionPoint: { id: 3 }, factory: () => 1 }] }),
        ]),
      ),
    ).toMatchObject({
      code: 'FEAT_INVALID_EXTENSION_POINT_REF',
      path: 'features[0].getRegistrations()[0].extensionPoints[0].extensionPoint.id',
    });
    expect(
      await findingFor(
        rawFeature([
          {
            type: 'plugin',
            pluginId: 'p',
            extensionPoints: [[null, {}]],
            init: { deps: {}, func: () => {} },
          },
        ]),
      ),
    ).toMatchObject({
      code: 'FEAT_INVALID_EXTENSION_POINT_REF',
      path: 'features[0].getRegistrations()[0].extensionPoints[0][0]',
    });
    expect(
      await findingFor(
        rawFeature([
          {
            type: 'plugin',
            pluginId: 'p',
            extensionPoints: ['flat'],
            init: { deps: {}, func: () => {} },
          },
        ]),
      ),
    ).toMatchObject({
      code: 'FEAT_INVALID_REGISTRATION',
    });
  });

  it('FEAT-049, FEAT-050, PLUG-009: module deps are extension point or service refs; a plugin depending on an extension point is EXT_ILLEGAL_DEPENDENCY', async () => {
    const epRef = {
      $$type: '@backstage/ExtensionPoint',
      id: 'x.ep',
      toString: () => 'extensionPoint{x.ep}',
    };
    expect(
      await findingFor(
        rawFeature([
          rawPlugin('x'),
          rawModule('x', 'm', {
            init: { deps: { bad: { $$type: '@backstage/ExtensionPoint' } }, func: () => {} },
          }),
        ]),
      ),
    ).toMatchObject({
      code: 'FEAT_INVALID_EXTENSION_POINT_REF',
      path: 'features[0].getRegistrations()[1].init.deps.bad.id',
    });
    expect(
      await findingFor(
        rawFeature([rawPlugin('x', { init: { deps: { ep: epRef }, func: () => {} } })]),
      ),
    ).toMatchObject({
      code: 'EXT_ILLEGAL_DEPENDENCY',
      pluginId: 'x',
      dependencyKey: 'ep',
      extensionPointId: 'x.ep',
      path: 'features[0].getRegistrations()[0].init.deps.ep',
    });
  });

  it('FEAT-051: a record without connections is accepted', async () => {
    const record = rawPlugin('bare');
    delete record['connections'];
    expect(await findingsOf([rawFeature([record])])).toEqual([]);
  });
});

describe('identifiers (FEAT-066, FEAT-067)', () => {
  it('FEAT-066 FEAT_INVALID_ID: a record id outside the legacy pattern is rejected by the runtime', async () => {
    expect(await findingFor(rawFeature([rawPlugin('1bad')]))).toMatchObject({
      code: 'FEAT_INVALID_ID',
      pluginId: '1bad',
      path: 'features[0].getRegistrations()[0].pluginId',
    });
    expect(await findingFor(rawFeature([rawPlugin('p'), rawModule('p', 'bad id')]))).toMatchObject({
      code: 'FEAT_INVALID_ID',
      moduleId: 'bad id',
    });
  });

  it('FEAT-067 FEAT_LEGACY_ID: ids only the legacy pattern accepts are warnings from validate() and start() logs them', async () => {
    const findings = await findingsOf([
      rawFeature([rawPlugin('old_style'), rawModule('old_style', 'my_module')]),
    ]);
    expect(findings).toMatchObject([
      {
        code: 'FEAT_LEGACY_ID',
        severity: 'warning',
        pluginId: 'old_style',
        path: 'features[0].getRegistrations()[0].pluginId',
      },
      {
        code: 'FEAT_LEGACY_ID',
        severity: 'warning',
        pluginId: 'old_style',
        moduleId: 'my_module',
        path: 'features[0].getRegistrations()[1].moduleId',
      },
    ]);
    const backend = createTestBackend();
    backend.add(rawFeature([rawPlugin('old_style')]) as never);
    await backend.start();
    expect(
      backend.logs.some((l) => l.level === 'warn' && l.meta['code'] === 'FEAT_LEGACY_ID'),
    ).toBe(true);
    await backend.stop();
  });
});

describe('service refs (FEAT-068 to FEAT-073)', () => {
  it('FEAT-068 FEAT_INVALID_SERVICE_REF: id must be a string and scope root or plugin', async () => {
    expect(
      await findingFor(
        rawFeature([
          rawPlugin('p', { init: { deps: { s: { id: 's', scope: 'global' } }, func: () => {} } }),
        ]),
      ),
    ).toMatchObject({
      code: 'FEAT_INVALID_SERVICE_REF',
      path: 'features[0].getRegistrations()[0].init.deps.s.scope',
    });
    expect(
      await findingFor(rawFeature([rawPlugin('p', { init: { deps: { s: [] }, func: () => {} } })])),
    ).toMatchObject({ code: 'FEAT_INVALID_SERVICE_REF' });
  });

  it('FEAT-069, FEAT-070: refs need no $$type and are matched by id alone', async () => {
    let got: unknown;
    const backend = createTestBackend();
    backend.add(
      createServiceFactory({
        service: createServiceRef<string>({ id: 'w.same', scope: 'root' }),
        deps: {},
        factory: () => 'one instance',
      }),
    );
    backend.add(
      rawFeature([
        rawPlugin('p', {
          init: {
            deps: { s: { id: 'w.same', scope: 'root' } },
            func: ({ s }: { s: unknown }) => void (got = s),
          },
        }),
      ]) as never,
    );
    await backend.start();
    expect(got).toBe('one instance');
    await backend.stop();
  });

  it('FEAT-071: only multiton === true makes a multiton', async () => {
    let got: unknown;
    const backend = createTestBackend();
    backend.add(
      rawFeature([
        rawPlugin('p', {
          init: {
            deps: { m: { id: 'w.multi', scope: 'root', multiton: 'yes' } },
            func: ({ m }: { m: unknown }) => void (got = m),
          },
        }),
      ]) as never,
    );
    const error = (await rejectionOf(backend.start())) as BackendPreflightError;
    expect(error.findings).toMatchObject([
      { code: 'INIT_MISSING_DEPENDENCY', ref: 'serviceRef{w.multi}' },
    ]);
    const b2 = createTestBackend();
    b2.add(
      rawFeature([
        rawPlugin('p', {
          init: {
            deps: { m: { id: 'w.multi', scope: 'root', multiton: true } },
            func: ({ m }: { m: unknown }) => void (got = m),
          },
        }),
      ]) as never,
    );
    await b2.start();
    expect(got).toEqual([]);
    await b2.stop();
  });

  it('FEAT-072, FEAT-073: the default factory loader is read from __defaultFactory, else defaultFactory', async () => {
    const got: unknown[] = [];
    const factory = (id: string, value: string) =>
      createServiceFactory({
        service: createServiceRef<string>({ id, scope: 'root' }),
        deps: {},
        factory: () => value,
      });
    const backend = createTestBackend();
    backend.add(
      rawFeature([
        rawPlugin('p', {
          init: {
            deps: {
              a: {
                id: 'w.a',
                scope: 'root',
                __defaultFactory: async () => factory('w.a', 'from __defaultFactory'),
              },
              b: {
                id: 'w.b',
                scope: 'root',
                defaultFactory: async () => factory('w.b', 'from defaultFactory'),
              },
            },
            func: ({ a, b }: { a: unknown; b: unknown }) => void got.push(a, b),
          },
        }),
      ]) as never,
    );
    await backend.start();
    expect(got).toEqual(['from __defaultFactory', 'from defaultFactory']);
    await backend.stop();
  });
});

describe('service factories (FEAT-086 to FEAT-091)', () => {
  const base = {
    $$type: TAG,
    version: 'v1',
    featureType: 'service',
    service: serviceRef,
    deps: {},
    factory: () => 1,
  };

  it('FEAT-086, FEAT-087, FEAT-088, FEAT-089, FEAT-090: each malformed part of a factory is reported with its path', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...base, service: { id: 'x' } }, 'FEAT_INVALID_SERVICE_REF', 'features[0].service.scope'],
      [{ ...base, deps: null }, 'FEAT_INVALID_SERVICE_FACTORY', 'features[0].deps'],
      [
        { ...base, deps: { d: { scope: 'root' } } },
        'FEAT_INVALID_SERVICE_REF',
        'features[0].deps.d.id',
      ],
      [{ ...base, factory: 'f' }, 'FEAT_INVALID_SERVICE_FACTORY', 'features[0].factory'],
      [
        { ...base, service: { id: 'x', scope: 'plugin' }, createRootContext: 1 },
        'FEAT_INVALID_SERVICE_FACTORY',
        'features[0].createRootContext',
      ],
      [
        { ...base, initialization: 'eager' },
        'FEAT_INVALID_SERVICE_FACTORY',
        'features[0].initialization',
      ],
    ];
    for (const [value, code, path] of cases)
      expect(await findingFor(value)).toMatchObject({ code, path });
  });

  it('FEAT-091: factory and createRootContext may return plain values', async () => {
    const got: unknown[] = [];
    const ref = { id: 'w.plain', scope: 'plugin' };
    const backend = createTestBackend();
    backend.add({
      ...base,
      service: ref,
      createRootContext: () => 'ctx',
      factory: (_deps: unknown, ctx: unknown) => `plain+${String(ctx)}`,
    } as never);
    backend.add(
      rawFeature([
        rawPlugin('p', {
          init: { deps: { s: ref }, func: ({ s }: { s: unknown }) => void got.push(s) },
        }),
      ]) as never,
    );
    await backend.start();
    expect(got).toEqual(['plain+ctx']);
    await backend.stop();
  });
});

describe('feature loaders (FEAT-096 to FEAT-099)', () => {
  const loader = (fields: Record<string, unknown>) => ({
    $$type: TAG,
    version: 'v1',
    featureType: 'loader',
    description: 'hand-made',
    ...fields,
  });

  it('FEAT-096 FEAT_INVALID_LOADER: loader not a function, deps not an object', async () => {
    expect(await findingFor(loader({ loader: 3 }))).toMatchObject({
      code: 'FEAT_INVALID_LOADER',
      path: 'features[0].loader',
    });
    expect(await findingFor(loader({ loader: () => [], deps: [] }))).toMatchObject({
      code: 'FEAT_INVALID_LOADER',
      path: 'features[0].deps',
    });
  });

  it('FEAT-097, FEAT-098: absent deps is {}; arrays, iterables, async iterables and promises of them are accepted', async () => {
    const seen: string[] = [];
    const p = (id: string) =>
      createBackendPlugin({
        pluginId: id,
        register: (r) => r.registerInit({ deps: {}, init: async () => void seen.push(id) }),
      });
    const args: unknown[] = [];
    const backend = createTestBackend();
    backend.add(loader({ loader: (deps: unknown) => (args.push(deps), [p('arr')]) }) as never);
    backend.add(loader({ loader: () => new Set([p('iter')]) }) as never);
    backend.add(
      loader({
        loader: async function* () {
          yield p('async-iter');
        },
      }) as never,
    );
    backend.add(
      loader({ loader: () => Promise.resolve(new Map([[1, p('promised')]]).values()) }) as never,
    );
    await backend.start();
    expect(args).toEqual([{}]);
    expect(seen.sort()).toEqual(['arr', 'async-iter', 'iter', 'promised']);
    await backend.stop();
  });

  it('FEAT-099 FEAT_INVALID_LOADER: a loader resolving to a non-iterable', async () => {
    expect(await findingFor(loader({ loader: async () => 42 }))).toMatchObject({
      code: 'FEAT_INVALID_LOADER',
      path: 'features[0].loader()',
      loader: 'hand-made',
    });
  });
});

describe('extension point factory middleware (FEAT-103)', () => {
  it('FEAT-103, EXT-040 FEAT_INVALID_MIDDLEWARE: createSpecializedBackend throws synchronously, naming the element', () => {
    const good = {
      $$type: '@backstage/ExtensionPointFactoryMiddleware',
      version: 'v1',
      extensionPointId: 'e',
      middleware: async (x: unknown) => x,
    };
    const cases: Array<[unknown, string]> = [
      [{ ...good, $$type: 'x' }, 'extensionPointFactoryMiddleware[1].$$type'],
      [{ ...good, version: 'v2' }, 'extensionPointFactoryMiddleware[1].version'],
      [{ ...good, extensionPointId: 5 }, 'extensionPointFactoryMiddleware[1].extensionPointId'],
      [{ ...good, middleware: null }, 'extensionPointFactoryMiddleware[1].middleware'],
      [null, 'extensionPointFactoryMiddleware[1]'],
    ];
    for (const [bad, path] of cases) {
      const error = thrownBy(() =>
        createTestBackend({ extensionPointFactoryMiddleware: [good, bad] as never }),
      );
      expect(error).toMatchObject({ code: 'FEAT_INVALID_MIDDLEWARE', path });
      expect((error as Error).message).toContain(path);
    }
    expect(() =>
      createTestBackend({ extensionPointFactoryMiddleware: [good] as never }),
    ).not.toThrow();
  });
});

describe('authoring API errors', () => {
  it('FEAT-062, FEAT-063, FEAT-112 FEAT_INVALID_ID: createBackendPlugin and createBackendModule refuse bad ids', () => {
    expect(
      thrownBy(() => createBackendPlugin({ pluginId: 'no spaces', register: () => {} })),
    ).toMatchObject({ code: 'FEAT_INVALID_ID', pluginId: 'no spaces' });
    expect(
      thrownBy(() => createBackendModule({ pluginId: 'ok', moduleId: '-x', register: () => {} })),
    ).toMatchObject({ code: 'FEAT_INVALID_ID', pluginId: 'ok', moduleId: '-x' });
    expect(
      thrownBy(() => createBackendModule({ pluginId: '_x', moduleId: 'fine', register: () => {} })),
    ).toMatchObject({ code: 'FEAT_INVALID_ID', pluginId: '_x' });
  });

  it('FEAT-035, FEAT-053, FEAT-054, FEAT-057: register() rule breaks surface as FEAT_REGISTRATION_FAILED with the authoring code as cause', async () => {
    const ep = createExtensionPoint({ id: 'a.ep' });
    const findings = await findingsOf([
      createBackendPlugin({
        pluginId: 'twice',
        register(r) {
          r.registerInit({ deps: {}, init: async () => {} });
          r.registerInit({ deps: {}, init: async () => {} });
        },
      }),
      createBackendPlugin({ pluginId: 'never', register() {} }),
      createBackendModule({
        pluginId: 'never',
        moduleId: 'late',
        register(r) {
          r.registerInit({ deps: {}, init: async () => {} });
          r.registerExtensionPoint(ep, {});
        },
      }),
    ]);
    expect(
      findings.map((f) => [
        f.code,
        f.path,
        (f.cause as { code?: string }).code,
        (f.cause as { pluginId?: string }).pluginId,
      ]),
    ).toEqual([
      ['FEAT_REGISTRATION_FAILED', 'features[0]', 'FEAT_INIT_ALREADY_REGISTERED', 'twice'],
      ['FEAT_REGISTRATION_FAILED', 'features[1]', 'FEAT_INIT_NOT_REGISTERED', 'never'],
      ['FEAT_REGISTRATION_FAILED', 'features[2]', 'FEAT_REGISTRATION_AFTER_INIT', 'never'],
    ]);
    expect((findings[2]!.cause as { moduleId?: string }).moduleId).toBe('late');
  });

  it('coreServices refs: LIFE-001, LIFE-002 lifecycle ids and scopes', () => {
    expect(coreServices.lifecycle).toMatchObject({ id: 'core.lifecycle', scope: 'plugin' });
    expect(coreServices.rootLifecycle).toMatchObject({ id: 'core.rootLifecycle', scope: 'root' });
  });
});
