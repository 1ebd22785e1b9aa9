/**
 * Run-time check of the wire format: the objects that `@backstage/backend-plugin-api` 1.10.1
 * and `@backstage/backend-app-api` 1.7.4 actually build carry exactly the properties that the
 * spec's wire types declare, with the values of the spec's constants. Backstage's public types
 * hide most of these properties, so only a run-time check can compare them.
 */
import { createExtensionPointFactoryMiddleware } from '@backstage/backend-app-api';
import {
  coreServices,
  createBackendFeatureLoader,
  createBackendModule,
  createBackendPlugin,
  createExtensionPoint,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACKEND_FEATURE_TYPE,
  EXTENSION_POINT_FACTORY_MIDDLEWARE_TYPE,
  EXTENSION_POINT_TYPE,
  FEATURE_VERSION,
  ID_PATTERN,
  ID_PATTERN_OLD,
  MODULE_REGISTRATION_TYPE,
  PLUGIN_REGISTRATION_TYPE,
  SERVICE_REF_TYPE,
  coreServiceIds,
  coreServiceScopes,
} from '../../src/index.js';
import type {
  ExtensionPoint,
  ExtensionPointFactoryMiddlewareWire,
  FeatureLoaderFeature,
  ModuleRegistration,
  PluginRegistration,
  RegistrationsFeature,
  ServiceFactoryFeature,
  ServiceRefWire,
} from '../../src/index.js';

/** The keys of a wire type, listed by hand; the compiler checks each one belongs to the type. */
function keysOf<T>(...keys: Array<keyof T & string>): string[] {
  return [...keys].sort();
}

const serviceRef = createServiceRef<{ greet: () => string }>({ id: 'example.greeter' });
const extensionPoint = createExtensionPoint<{ add: (n: number) => void }>({ id: 'example.things' });

describe('Backstage feature objects against the spec wire types', () => {
  it('a plugin is a registrations feature with one plugin-v1.1 record', () => {
    const feature = createBackendPlugin({
      pluginId: 'example',
      register(reg) {
        reg.registerExtensionPoint(extensionPoint, { add: () => {} });
        reg.registerInit({ deps: { logger: coreServices.logger }, async init() {} });
      },
    }) as unknown as RegistrationsFeature;
    expect(Object.keys(feature).sort()).toEqual(
      keysOf<RegistrationsFeature>('$$type', 'version', 'featureType', 'getRegistrations'),
    );
    expect(feature.$$type).toBe(BACKEND_FEATURE_TYPE);
    expect(feature.version).toBe(FEATURE_VERSION);
    expect(feature.featureType).toBe('registrations');

    const registrations = feature.getRegistrations();
    expect(registrations).toHaveLength(1);
    const record = registrations[0] as PluginRegistration;
    expect(Object.keys(record).sort()).toEqual(
      keysOf<PluginRegistration>('type', 'pluginId', 'extensionPoints', 'connections', 'init'),
    );
    expect(record.type).toBe(PLUGIN_REGISTRATION_TYPE);
    expect(Object.keys(record.init).sort()).toEqual(
      keysOf<PluginRegistration['init']>('deps', 'func'),
    );
    expect(record.extensionPoints).toHaveLength(1);
    expect(Object.keys(record.extensionPoints[0]!).sort()).toEqual(
      keysOf<PluginRegistration['extensionPoints'][number]>('extensionPoint', 'factory'),
    );
  });

  it('a module is a registrations feature with one module-v1.1 record', () => {
    const feature = createBackendModule({
      pluginId: 'example',
      moduleId: 'extra',
      register(reg) {
        reg.registerInit({ deps: { things: extensionPoint }, async init() {} });
      },
    }) as unknown as RegistrationsFeature;
    const [record] = feature.getRegistrations() as ModuleRegistration[];
    expect(Object.keys(record!).sort()).toEqual(
      keysOf<ModuleRegistration>(
        'type',
        'pluginId',
        'moduleId',
        'extensionPoints',
        'connections',
        'init',
      ),
    );
    expect(record!.type).toBe(MODULE_REGISTRATION_TYPE);
  });

  it('a service ref carries the properties of ServiceRefWire', () => {
    const ref = serviceRef as unknown as ServiceRefWire;
    expect(Object.keys(ref).sort()).toEqual(
      keysOf<ServiceRefWire>(
        'id',
        'scope',
        'multiton',
        'T',
        'toString',
        'toJSON',
        '$$type',
        '__defaultFactory',
      ),
    );
    expect(ref.$$type).toBe(SERVICE_REF_TYPE);
    expect(ref.toString()).toBe('serviceRef{example.greeter}');
    expect(ref.toJSON()).toEqual({
      $$type: SERVICE_REF_TYPE,
      id: 'example.greeter',
      scope: 'plugin',
      multiton: false,
    });
  });

  it('an extension point carries the properties of ExtensionPoint', () => {
    const ref = extensionPoint as ExtensionPoint<unknown>;
    expect(Object.keys(ref).sort()).toEqual(
      keysOf<ExtensionPoint<unknown>>('id', 'T', 'toString', '$$type'),
    );
    expect(ref.$$type).toBe(EXTENSION_POINT_TYPE);
  });

  it('a service factory carries the properties of ServiceFactoryFeature', () => {
    const root = createServiceFactory({
      service: createServiceRef<string>({ id: 'example.root', scope: 'root' }),
      deps: {},
      factory: () => 'x',
    }) as unknown as ServiceFactoryFeature;
    expect(Object.keys(root).sort()).toEqual(
      keysOf<ServiceFactoryFeature>(
        '$$type',
        'version',
        'featureType',
        'service',
        'initialization',
        'deps',
        'factory',
      ),
    );
    const plugin = createServiceFactory({
      service: serviceRef,
      deps: {},
      createRootContext: () => 1,
      factory: () => ({ greet: () => 'hi' }),
    }) as unknown as ServiceFactoryFeature;
    expect(Object.keys(plugin).sort()).toEqual(
      keysOf<ServiceFactoryFeature>(
        '$$type',
        'version',
        'featureType',
        'service',
        'initialization',
        'deps',
        'factory',
        'createRootContext',
      ),
    );
    expect(plugin.factory({}, undefined)).toBeInstanceOf(Promise);
  });

  it('a feature loader carries the properties of FeatureLoaderFeature', async () => {
    const loader = createBackendFeatureLoader({
      *loader() {
        yield createBackendPlugin({
          pluginId: 'loaded',
          register(reg) {
            reg.registerInit({ deps: {}, async init() {} });
          },
        });
      },
    }) as unknown as FeatureLoaderFeature;
    expect(Object.keys(loader).sort()).toEqual(
      keysOf<FeatureLoaderFeature>(
        '$$type',
        'version',
        'featureType',
        'description',
        'deps',
        'loader',
      ),
    );
    expect(loader.description).toMatch(/^created at '/);
    const features = await loader.loader({});
    expect(Array.isArray(features)).toBe(true);
  });

  it('an extension point factory middleware carries the properties of its wire type', () => {
    const middleware = createExtensionPointFactoryMiddleware({
      extensionPoint,
      middleware: async (impl) => impl,
    }) as unknown as ExtensionPointFactoryMiddlewareWire;
    expect(middleware.$$type).toBe(EXTENSION_POINT_FACTORY_MIDDLEWARE_TYPE);
    expect(middleware.version).toBe(FEATURE_VERSION);
    expect(middleware.extensionPointId).toBe('example.things');
    expect(typeof middleware.middleware).toBe('function');
  });
});

describe('core service ids and scopes', () => {
  it('match the refs of Backstage coreServices', () => {
    const ids = Object.fromEntries(
      Object.entries(coreServices).map(([name, ref]) => [name, ref.id]),
    );
    const scopes = Object.fromEntries(
      Object.entries(coreServices).map(([name, ref]) => [name, ref.scope]),
    );
    expect(ids).toEqual(coreServiceIds);
    expect(scopes).toEqual(coreServiceScopes);
  });
});

describe('id patterns', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("accept and reject the same ids as Backstage's authoring functions", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const id of ['catalog', 'user-settings', 'a1', 'Catalog', 'x-2-y']) {
      expect(ID_PATTERN.test(id)).toBe(true);
      expect(() => createBackendPlugin({ pluginId: id, register() {} })).not.toThrow();
    }
    expect(ID_PATTERN.test('user_settings')).toBe(false);
    expect(ID_PATTERN_OLD.test('user_settings')).toBe(true);
    warn.mockClear();
    expect(() => createBackendPlugin({ pluginId: 'user_settings', register() {} })).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    for (const id of ['1abc', 'a--b', '-a', 'a-', 'a b', '']) {
      expect(ID_PATTERN_OLD.test(id)).toBe(false);
      expect(() => createBackendPlugin({ pluginId: id, register() {} })).toThrow();
    }
  });
});
