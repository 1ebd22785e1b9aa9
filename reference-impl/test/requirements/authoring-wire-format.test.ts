import { describe, expect, it } from 'vitest';
import {
  createBackendFeatureLoader,
  createBackendModule,
  createBackendPlugin,
  createExtensionPoint,
  createExtensionPointFactoryMiddleware,
  createServiceFactory,
  createServiceRef,
} from '../../src/index.js';
import type { RuntimeRegistrationPoints } from '../../src/authoring/collectRegistration.js';
import { findingsOf, rejectionOf, thrownBy } from '../helpers/testBackend.js';

/** The shape the wire format gives a `registrations` feature, as a runtime reads it. */
interface WireRegistrations {
  $$type: string;
  version: string;
  featureType: string;
  getRegistrations(): Array<{
    type: string;
    pluginId: string;
    moduleId?: string;
    extensionPoints: Array<{ extensionPoint: unknown; factory: (ctx?: unknown) => unknown }>;
    connections: Array<Record<string, unknown>>;
    init: { deps: Record<string, unknown>; func: (...args: unknown[]) => unknown };
  }>;
}

const wire = (feature: unknown) => feature as WireRegistrations;
/** The run-time registration points, which include `registerConnection`. */
const runtimePoints = (reg: unknown) => reg as RuntimeRegistrationPoints;

const rootRef = createServiceRef<string>({ id: 'req.root', scope: 'root' });
const pluginRef = createServiceRef<string>({ id: 'req.plugin' });

describe('feature objects (FEAT-001 to FEAT-003, FEAT-083, FEAT-092)', () => {
  const plugin = createBackendPlugin({
    pluginId: 'p',
    register: (reg) => reg.registerInit({ deps: {}, init: async () => {} }),
  });
  const module = createBackendModule({
    pluginId: 'p',
    moduleId: 'm',
    register: (reg) => reg.registerInit({ deps: {}, init: async () => {} }),
  });
  const service = createServiceFactory({ service: rootRef, deps: {}, factory: () => 'x' });
  const loader = createBackendFeatureLoader({ loader: () => [] });

  it('FEAT-001 FEAT-002 FEAT-003: every kind of feature carries the tag, v1 and its featureType', () => {
    const kinds = [
      [plugin, 'registrations'],
      [module, 'registrations'],
      [service, 'service'],
      [loader, 'loader'],
    ] as const;
    for (const [feature, featureType] of kinds) {
      expect(feature).toMatchObject({
        $$type: '@backstage/BackendFeature',
        version: 'v1',
        featureType,
      });
    }
  });

  it('FEAT-083: a service factory carries the service ref, the deps object and the initialization value', () => {
    const deps = { other: rootRef };
    const factory = createServiceFactory({
      service: createServiceRef<number>({ id: 'req.n', scope: 'root' }),
      deps,
      initialization: 'lazy',
      factory: () => 1,
    }) as unknown as Record<string, unknown>;
    expect(factory.featureType).toBe('service');
    expect((factory.service as { id: string }).id).toBe('req.n');
    expect(factory.deps).toBe(deps);
    expect(factory.initialization).toBe('lazy');
  });

  it('FEAT-092: a loader carries deps, a description string and a loader returning a promise of an array', async () => {
    const deps = { root: rootRef };
    const feature = createBackendFeatureLoader({
      deps,
      loader: function* () {
        yield service;
      },
    }) as unknown as {
      featureType: string;
      deps: unknown;
      description: unknown;
      loader(deps: unknown): unknown;
    };
    expect(feature.featureType).toBe('loader');
    expect(feature.deps).toBe(deps);
    expect(typeof feature.description).toBe('string');
    const result = feature.loader({ root: 'r' });
    expect(result).toBeInstanceOf(Promise);
    await expect(result).resolves.toEqual([service]);
  });
});

describe('registration records (FEAT-023 to FEAT-029, PLUG-001, PLUG-002)', () => {
  it('FEAT-023 FEAT-024 PLUG-001 PLUG-002: a plugin is the feature itself and yields one plugin-v1.1 record', () => {
    const plugin = wire(
      createBackendPlugin({
        pluginId: 'catalog-x',
        register: (reg) => reg.registerInit({ deps: {}, init: async () => {} }),
      }),
    );
    // The returned value is the feature, not a factory to call (PLUG-001).
    expect(typeof plugin).toBe('object');
    expect(typeof plugin.getRegistrations).toBe('function');
    const records = plugin.getRegistrations();
    expect(Array.isArray(records)).toBe(true);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({ type: 'plugin-v1.1', pluginId: 'catalog-x' });
    expect(Array.isArray(record!.extensionPoints)).toBe(true);
    expect(Array.isArray(record!.connections)).toBe(true);
    expect(typeof record!.init).toBe('object');
  });

  it('FEAT-023 FEAT-025: a module yields one module-v1.1 record with pluginId and moduleId', () => {
    const module = wire(
      createBackendModule({
        pluginId: 'catalog-x',
        moduleId: 'extra',
        register: (reg) => reg.registerInit({ deps: {}, init: async () => {} }),
      }),
    );
    const records = module.getRegistrations();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      type: 'module-v1.1',
      pluginId: 'catalog-x',
      moduleId: 'extra',
      extensionPoints: [],
      connections: [],
    });
    expect(typeof records[0]!.init).toBe('object');
  });

  it('FEAT-026 FEAT-055: registerExtensionPoint(ref, impl) records { extensionPoint, factory } returning impl', () => {
    const ep = createExtensionPoint<{ add(x: string): void }>({ id: 'req.ep' });
    const impl = { add: () => undefined };
    const plugin = wire(
      createBackendPlugin({
        pluginId: 'p',
        register(reg) {
          reg.registerExtensionPoint(ep, impl);
          reg.registerInit({ deps: {}, init: async () => {} });
        },
      }),
    );
    const [record] = plugin.getRegistrations();
    expect(record!.extensionPoints).toHaveLength(1);
    expect(record!.extensionPoints[0]!.extensionPoint).toBe(ep);
    expect(typeof record!.extensionPoints[0]!.factory).toBe('function');
    expect(record!.extensionPoints[0]!.factory({ reportModuleStartupFailure() {} })).toBe(impl);
  });

  it('FEAT-056: registerExtensionPoint({ extensionPoint, factory }) keeps that factory without calling it', () => {
    const ep = createExtensionPoint<string>({ id: 'req.ep2' });
    let calls = 0;
    const factory = () => {
      calls++;
      return 'impl';
    };
    const plugin = wire(
      createBackendPlugin({
        pluginId: 'p',
        register(reg) {
          runtimePoints(reg).registerExtensionPoint({ extensionPoint: ep, factory });
          reg.registerInit({ deps: {}, init: async () => {} });
        },
      }),
    );
    const [record] = plugin.getRegistrations();
    expect(record!.extensionPoints[0]!.extensionPoint).toBe(ep);
    expect(record!.extensionPoints[0]!.factory).toBe(factory);
    expect(calls).toBe(0);
  });

  it('FEAT-027 FEAT-052: registerInit({ deps, init }) is recorded as { deps, func } with the same objects', () => {
    const deps = { root: rootRef, plugin: pluginRef };
    const init = async () => {};
    const plugin = wire(
      createBackendPlugin({ pluginId: 'p', register: (reg) => reg.registerInit({ deps, init }) }),
    );
    const [record] = plugin.getRegistrations();
    expect(record!.init.deps).toBe(deps);
    expect(record!.init.func).toBe(init);
  });

  it('FEAT-028 FEAT-029: register runs only when getRegistrations() is called, with fresh points each time', () => {
    const seen: unknown[] = [];
    const feature = wire(
      createBackendPlugin({
        pluginId: 'p',
        register(reg) {
          seen.push(reg);
          reg.registerInit({ deps: {}, init: async () => {} });
        },
      }),
    );
    expect(seen).toHaveLength(0);
    const first = feature.getRegistrations();
    const second = feature.getRegistrations();
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
    expect(first[0]).not.toBe(second[0]);
    // Fresh points: the second call does not see the first call's registrations.
    expect(second[0]!.connections).toEqual([]);
  });
});

describe('registerConnection (FEAT-058 to FEAT-061)', () => {
  it('FEAT-058: a connection is recorded as a copy of the argument', () => {
    const connection = { type: 'http', required: true, description: 'talks to x' };
    const plugin = wire(
      createBackendPlugin({
        pluginId: 'p',
        register(reg) {
          runtimePoints(reg).registerConnection(connection);
          reg.registerInit({ deps: {}, init: async () => {} });
        },
      }),
    );
    const [record] = plugin.getRegistrations();
    expect(record!.connections).toEqual([connection]);
    expect(record!.connections[0]).not.toBe(connection);
    connection.description = 'changed later';
    expect(record!.connections[0]!.description).toBe('talks to x');
  });

  it('FEAT-059 FEAT-061: registerConnection after registerInit throws, naming the plugin and module', () => {
    const module = wire(
      createBackendModule({
        pluginId: 'p',
        moduleId: 'm',
        register(reg) {
          reg.registerInit({ deps: {}, init: async () => {} });
          runtimePoints(reg).registerConnection({ type: 'late', required: false });
        },
      }),
    );
    const error = thrownBy(() => module.getRegistrations());
    expect(error).toMatchObject({
      code: 'FEAT_REGISTRATION_AFTER_INIT',
      pluginId: 'p',
      moduleId: 'm',
    });
  });

  it('FEAT-060 FEAT-061: a second connection of the same type throws, naming the plugin', () => {
    const plugin = wire(
      createBackendPlugin({
        pluginId: 'p',
        register(reg) {
          runtimePoints(reg).registerConnection({ type: 'db', required: true });
          runtimePoints(reg).registerConnection({ type: 'db', required: false });
          reg.registerInit({ deps: {}, init: async () => {} });
        },
      }),
    );
    const error = thrownBy(() => plugin.getRegistrations()) as Record<string, unknown>;
    expect(error).toMatchObject({ code: 'FEAT_DUPLICATE_CONNECTION', pluginId: 'p' });
    expect(error.moduleId).toBeUndefined();
  });
});

describe('the register callback of a plugin (PLUG-003 to PLUG-005, PLUG-008)', () => {
  const ep = createExtensionPoint<string>({ id: 'req.plug-ep' });

  it('PLUG-003: a register callback that never calls registerInit is rejected with FEAT_INIT_NOT_REGISTERED', () => {
    const plugin = wire(createBackendPlugin({ pluginId: 'no-init', register: () => undefined }));
    expect(thrownBy(() => plugin.getRegistrations())).toMatchObject({
      code: 'FEAT_INIT_NOT_REGISTERED',
      pluginId: 'no-init',
    });
  });

  it('PLUG-004: a second registerInit is rejected with FEAT_INIT_ALREADY_REGISTERED', () => {
    const plugin = wire(
      createBackendPlugin({
        pluginId: 'twice',
        register(reg) {
          reg.registerInit({ deps: {}, init: async () => {} });
          reg.registerInit({ deps: {}, init: async () => {} });
        },
      }),
    );
    expect(thrownBy(() => plugin.getRegistrations())).toMatchObject({
      code: 'FEAT_INIT_ALREADY_REGISTERED',
      pluginId: 'twice',
    });
  });

  it('PLUG-005: registerExtensionPoint after registerInit is rejected with FEAT_REGISTRATION_AFTER_INIT', () => {
    const plugin = wire(
      createBackendPlugin({
        pluginId: 'late-ep',
        register(reg) {
          reg.registerInit({ deps: {}, init: async () => {} });
          reg.registerExtensionPoint(ep, 'impl');
        },
      }),
    );
    expect(thrownBy(() => plugin.getRegistrations())).toMatchObject({
      code: 'FEAT_REGISTRATION_AFTER_INIT',
      pluginId: 'late-ep',
    });
  });

  it('PLUG-008: a plugin listing an extension point among its init deps is EXT_ILLEGAL_DEPENDENCY', async () => {
    const plugin = createBackendPlugin({
      pluginId: 'ep-dep',
      register(reg) {
        reg.registerInit({
          // A plugin may not depend on an extension point; the cast bypasses the types.
          deps: { ep: ep as never },
          init: async () => {},
        });
      },
    });
    const findings = await findingsOf([plugin]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'EXT_ILLEGAL_DEPENDENCY', pluginId: 'ep-dep' }),
    ]);
  });
});

describe('refs (FEAT-074 to FEAT-082)', () => {
  it('FEAT-074: id is kept; scope defaults to plugin and multiton to false', () => {
    expect(createServiceRef({ id: 'a.b' })).toMatchObject({
      id: 'a.b',
      scope: 'plugin',
      multiton: false,
    });
    expect(createServiceRef({ id: 'a.c', scope: 'root', multiton: true })).toMatchObject({
      id: 'a.c',
      scope: 'root',
      multiton: true,
    });
  });

  it('FEAT-075 FEAT-076 FEAT-077: $$type, toString() and toJSON() of a service ref', () => {
    // toJSON is part of the wire format but not of the public ServiceRef type.
    const ref = createServiceRef({ id: 'a.json', scope: 'root' }) as ReturnType<
      typeof createServiceRef
    > & { toJSON(): unknown };
    expect(ref.$$type).toBe('@backstage/ServiceRef');
    expect(String(ref)).toBe('serviceRef{a.json}');
    expect(ref.toString()).toBe('serviceRef{a.json}');
    expect(ref.toJSON()).toStrictEqual({
      $$type: '@backstage/ServiceRef',
      id: 'a.json',
      scope: 'root',
      multiton: false,
    });
    expect(JSON.parse(JSON.stringify({ ref }))).toStrictEqual({ ref: ref.toJSON() });
  });

  it('FEAT-078: the defaultFactory option is stored as __defaultFactory', () => {
    const defaultFactory = async () =>
      createServiceFactory({ service: rootRef, deps: {}, factory: () => 'd' });
    const ref = createServiceRef<string>({ id: 'a.df', scope: 'root', defaultFactory });
    expect((ref as unknown as { __defaultFactory: unknown }).__defaultFactory).toBe(defaultFactory);
  });

  it('FEAT-080 FEAT-081 FEAT-082: an extension point ref has id, tag and toString, and no scope or version', () => {
    const ep = createExtensionPoint({ id: 'x.points' });
    expect(ep.id).toBe('x.points');
    expect(ep.$$type).toBe('@backstage/ExtensionPoint');
    expect(String(ep)).toBe('extensionPoint{x.points}');
    expect('scope' in ep).toBe(false);
    expect('version' in ep).toBe(false);
  });
});

describe('service factories (FEAT-084, FEAT-085)', () => {
  type Wired = {
    factory(deps: unknown, ctx?: unknown): unknown;
    createRootContext?: (deps: unknown) => unknown;
  };

  it('FEAT-084: factory returns a promise even when the user factory is synchronous or throws', async () => {
    const root = createServiceFactory({
      service: rootRef,
      deps: {},
      factory: () => 'sync',
    }) as unknown as Wired;
    const sync = root.factory({});
    expect(sync).toBeInstanceOf(Promise);
    await expect(sync).resolves.toBe('sync');
    const throwing = createServiceFactory({
      service: pluginRef,
      deps: {},
      factory: () => {
        throw new Error('boom');
      },
    }) as unknown as Wired;
    let result: unknown;
    expect(() => {
      result = throwing.factory({}, undefined);
    }).not.toThrow();
    expect(result).toBeInstanceOf(Promise);
    await expect(result).rejects.toThrow('boom');
  });

  it('FEAT-085: createRootContext exists exactly when given, and returns a promise', async () => {
    const without = createServiceFactory({
      service: pluginRef,
      deps: {},
      factory: () => 'x',
    }) as unknown as Wired;
    expect('createRootContext' in without).toBe(false);
    const withContext = createServiceFactory({
      service: pluginRef,
      deps: {},
      createRootContext: () => 42,
      factory: (_deps, ctx) => String(ctx),
    }) as unknown as Wired;
    const context = withContext.createRootContext?.({});
    expect(context).toBeInstanceOf(Promise);
    await expect(context).resolves.toBe(42);
  });
});

describe('feature loaders (FEAT-094, FEAT-095, LOAD-017, LOAD-018)', () => {
  const feature = createServiceFactory({ service: rootRef, deps: {}, factory: () => 'x' });
  type WiredLoader = { loader(deps: unknown): Promise<unknown[]> };
  const run = (loader: Parameters<typeof createBackendFeatureLoader>[0]['loader']) =>
    (createBackendFeatureLoader({ loader }) as unknown as WiredLoader).loader({});

  it('LOAD-017: plain, async, generator and async generator loaders all yield their features', async () => {
    await expect(run(() => [feature])).resolves.toEqual([feature]);
    await expect(run(async () => [feature])).resolves.toEqual([feature]);
    await expect(
      run(function* () {
        yield feature;
      }),
    ).resolves.toEqual([feature]);
    await expect(
      run(async function* () {
        yield feature;
      }),
    ).resolves.toEqual([feature]);
  });

  it('FEAT-094 LOAD-018: promised and { default } items are awaited and unwrapped', async () => {
    const delayed = new Promise<{ default: typeof feature }>((resolve) =>
      setTimeout(() => resolve({ default: feature }), 5),
    );
    await expect(run(() => [delayed, feature])).resolves.toEqual([feature, feature]);
    await expect(
      run(async function* () {
        yield { default: feature };
      }),
    ).resolves.toEqual([feature]);
  });

  it('FEAT-095: an item that is neither a feature nor has default rejects with FEAT_INVALID_LOADER_ITEM', async () => {
    const error = await rejectionOf(run(() => [feature, 42 as never]));
    expect(error).toMatchObject({ code: 'FEAT_INVALID_LOADER_ITEM' });
    // LOAD-018: a promise of an invalid item is awaited first, then checked.
    const awaited = await rejectionOf(run(() => [Promise.resolve({ nope: true }) as never]));
    expect(awaited).toMatchObject({ code: 'FEAT_INVALID_LOADER_ITEM' });
  });
});

describe('feature factories (FEAT-101)', () => {
  it('FEAT-101: whatever a creator returns is a feature, or a factory that returns one when called with no arguments', () => {
    const created: unknown[] = [
      createBackendPlugin({
        pluginId: 'p',
        register: (reg) => reg.registerInit({ deps: {}, init: async () => {} }),
      }),
      createBackendModule({
        pluginId: 'p',
        moduleId: 'm',
        register: (reg) => reg.registerInit({ deps: {}, init: async () => {} }),
      }),
      createServiceFactory({ service: rootRef, deps: {}, factory: () => 'x' }),
      createBackendFeatureLoader({ loader: () => [] }),
    ];
    for (const value of created) {
      const feature =
        typeof value === 'function' &&
        (value as { $$type?: unknown }).$$type === '@backstage/BackendFeatureFactory'
          ? (value as () => unknown)()
          : value;
      expect(feature).toMatchObject({ $$type: '@backstage/BackendFeature', version: 'v1' });
    }
  });
});

describe('extension point factory middleware (FEAT-102)', () => {
  it('FEAT-102: the middleware object is tagged, versioned, names the extension point and returns a promise', async () => {
    const ep = createExtensionPoint<{ n: number }>({ id: 'req.mw' });
    const middleware = createExtensionPointFactoryMiddleware({
      extensionPoint: ep,
      middleware: async (original) => ({ n: original.n + 1 }),
    });
    expect(middleware).toMatchObject({
      $$type: '@backstage/ExtensionPointFactoryMiddleware',
      version: 'v1',
      extensionPointId: 'req.mw',
    });
    const replaced = (middleware as unknown as { middleware(o: unknown): unknown }).middleware({
      n: 1,
    });
    expect(replaced).toBeInstanceOf(Promise);
    await expect(replaced).resolves.toEqual({ n: 2 });
  });
});
