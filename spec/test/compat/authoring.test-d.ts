/**
 * The authoring API of `@backstage/backend-plugin-api` 1.10.1 (createBackendPlugin and friends)
 * against the function types and option types of the spec, and Backstage's feature objects
 * against the spec's wire types.
 */
import type {
  coreServices as backstageCoreServices,
  createBackendFeatureLoader,
  createBackendModule,
  createBackendPlugin,
  createExtensionPoint,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type * as Backstage from '@backstage/backend-plugin-api';
import type { Backend as BackstageBackend } from '@backstage/backend-app-api';
import { describe, expectTypeOf, it } from 'vitest';
import type * as Spec from '../../src/index.js';

type BackstageAddable = Parameters<BackstageBackend['add']>[0];

describe('authoring functions', () => {
  it("Backstage's authoring functions have the spec's signatures", () => {
    expectTypeOf<typeof createBackendPlugin>().toExtend<Spec.CreateBackendPlugin>();
    expectTypeOf<typeof createBackendModule>().toExtend<Spec.CreateBackendModule>();
    expectTypeOf<typeof createExtensionPoint>().toExtend<Spec.CreateExtensionPoint>();
    expectTypeOf<typeof createServiceRef>().toExtend<Spec.CreateServiceRef>();
    expectTypeOf<typeof createServiceFactory>().toExtend<Spec.CreateServiceFactory>();
    expectTypeOf<typeof createBackendFeatureLoader>().toExtend<Spec.CreateBackendFeatureLoader>();
  });

  it("an implementation of the spec's signatures can replace Backstage's functions", () => {
    expectTypeOf<Spec.CreateBackendPlugin>().toExtend<typeof createBackendPlugin>();
    expectTypeOf<Spec.CreateBackendModule>().toExtend<typeof createBackendModule>();
    expectTypeOf<Spec.CreateExtensionPoint>().toExtend<typeof createExtensionPoint>();
    expectTypeOf<Spec.CreateServiceRef>().toExtend<typeof createServiceRef>();
    expectTypeOf<Spec.CreateServiceFactory>().toExtend<typeof createServiceFactory>();
    expectTypeOf<Spec.CreateBackendFeatureLoader>().toExtend<typeof createBackendFeatureLoader>();
  });

  it('option types are mutually assignable', () => {
    expectTypeOf<Backstage.CreateBackendPluginOptions>().toExtend<Spec.CreateBackendPluginOptions>();
    expectTypeOf<Spec.CreateBackendPluginOptions>().toExtend<Backstage.CreateBackendPluginOptions>();
    expectTypeOf<Backstage.CreateBackendModuleOptions>().toExtend<Spec.CreateBackendModuleOptions>();
    expectTypeOf<Spec.CreateBackendModuleOptions>().toExtend<Backstage.CreateBackendModuleOptions>();
    expectTypeOf<Backstage.CreateExtensionPointOptions>().toEqualTypeOf<Spec.CreateExtensionPointOptions>();
    expectTypeOf<Backstage.ServiceRefOptions<number, 'root', 'multiton'>>().toExtend<
      Spec.ServiceRefOptions<number, 'root', 'multiton'>
    >();
    expectTypeOf<Spec.ServiceRefOptions<number, 'root', 'multiton'>>().toExtend<
      Backstage.ServiceRefOptions<number, 'root', 'multiton'>
    >();
    expectTypeOf<
      Backstage.CreateBackendFeatureLoaderOptions<{ config: Backstage.RootConfigService }>
    >().toExtend<Spec.CreateBackendFeatureLoaderOptions<{ config: Backstage.RootConfigService }>>();
    expectTypeOf<
      Spec.CreateBackendFeatureLoaderOptions<{ config: Spec.RootConfigService }>
    >().toExtend<Backstage.CreateBackendFeatureLoaderOptions<{ config: Spec.RootConfigService }>>();
  });

  it('service factory option types are mutually assignable', () => {
    type Deps = {
      logger: typeof backstageCoreServices.logger;
      config: typeof backstageCoreServices.rootConfig;
    };
    type RootDeps = { config: typeof backstageCoreServices.rootConfig };
    expectTypeOf<
      Backstage.RootServiceFactoryOptions<string, 'singleton', 'x', RootDeps>
    >().toExtend<Spec.RootServiceFactoryOptions<string, 'singleton', 'x', RootDeps>>();
    expectTypeOf<Spec.RootServiceFactoryOptions<string, 'singleton', 'x', RootDeps>>().toExtend<
      Backstage.RootServiceFactoryOptions<string, 'singleton', 'x', RootDeps>
    >();
    expectTypeOf<
      Backstage.PluginServiceFactoryOptions<string, 'multiton', number, 'x', Deps>
    >().toExtend<Spec.PluginServiceFactoryOptions<string, 'multiton', number, 'x', Deps>>();
    expectTypeOf<
      Spec.PluginServiceFactoryOptions<string, 'multiton', number, 'x', Deps>
    >().toExtend<Backstage.PluginServiceFactoryOptions<string, 'multiton', number, 'x', Deps>>();
  });

  it("the spec's registration points can be handed to Backstage-typed register callbacks", () => {
    expectTypeOf<Spec.BackendPluginRegistrationPoints>().toExtend<Backstage.BackendPluginRegistrationPoints>();
    expectTypeOf<Spec.BackendModuleRegistrationPoints>().toExtend<Backstage.BackendModuleRegistrationPoints>();
    // Backstage's public type lacks `registerConnection` (alpha there, present at run time), so
    // only the rest of the registration points fits in the other direction.
    expectTypeOf<Backstage.BackendPluginRegistrationPoints>().not.toExtend<Spec.BackendPluginRegistrationPoints>();
    expectTypeOf<Backstage.BackendPluginRegistrationPoints>().toExtend<
      Omit<Spec.BackendPluginRegistrationPoints, 'registerConnection'>
    >();
    expectTypeOf<Backstage.BackendModuleRegistrationPoints>().toExtend<
      Omit<Spec.BackendModuleRegistrationPoints, 'registerConnection'>
    >();
    expectTypeOf<Backstage.ExtensionPointFactoryContext>().toExtend<Spec.ExtensionPointFactoryContext>();
    expectTypeOf<Spec.ExtensionPointFactoryContext>().toExtend<Backstage.ExtensionPointFactoryContext>();
  });

  it('a register callback written against the spec is accepted by Backstage', () => {
    const register = (reg: Spec.BackendPluginRegistrationPoints) => {
      reg.registerInit({ deps: {}, init: async () => {} });
    };
    expectTypeOf(register).toExtend<Backstage.CreateBackendPluginOptions['register']>();
  });

  it('init deps resolve to the same instance types with either library', () => {
    const createPlugin = {} as Spec.CreateBackendPlugin;
    const core = {} as typeof backstageCoreServices;
    createPlugin({
      pluginId: 'example',
      register(reg) {
        reg.registerInit({
          deps: { logger: core.logger, config: core.rootConfig },
          async init({ logger, config }) {
            expectTypeOf(logger).toEqualTypeOf<Backstage.LoggerService>();
            expectTypeOf(config).toEqualTypeOf<Backstage.RootConfigService>();
          },
        });
      },
    });
    type Multi = Spec.ServiceRef<string, 'plugin', 'multiton'>;
    expectTypeOf<Spec.DepsToInstances<{ m: Multi }>>().toEqualTypeOf<{ m: string[] }>();
  });
});

describe('feature objects', () => {
  it("Backstage's features are spec features", () => {
    expectTypeOf<ReturnType<typeof createBackendPlugin>>().toExtend<Spec.BackendFeature>();
    expectTypeOf<ReturnType<typeof createBackendModule>>().toExtend<Spec.BackendFeature>();
    expectTypeOf<ReturnType<typeof createBackendFeatureLoader>>().toExtend<Spec.BackendFeature>();
    expectTypeOf<Backstage.ServiceFactory<string, 'root', 'singleton'>>().toExtend<
      Spec.ServiceFactory<string, 'root', 'singleton'>
    >();
    expectTypeOf<Backstage.BackendFeature>().toEqualTypeOf<Spec.BackendFeature>();
  });

  it('the public types are the same thing', () => {
    expectTypeOf<Spec.ServiceFactory<string, 'plugin', 'multiton'>>().toExtend<
      Backstage.ServiceFactory<string, 'plugin', 'multiton'>
    >();
    expectTypeOf<Spec.ExtensionPoint<{ add(x: number): void }>>().toExtend<
      Backstage.ExtensionPoint<{ add(x: number): void }>
    >();
    expectTypeOf<Backstage.ExtensionPoint<{ add(x: number): void }>>().toExtend<
      Spec.ExtensionPoint<{ add(x: number): void }>
    >();
  });

  it("the spec's wire-format features can be added to a Backstage backend", () => {
    expectTypeOf<Spec.RegistrationsFeature>().toExtend<BackstageAddable>();
    expectTypeOf<Spec.FeatureLoaderFeature>().toExtend<BackstageAddable>();
    expectTypeOf<Spec.ServiceFactoryFeature>().toExtend<BackstageAddable>();
    expectTypeOf<Spec.BackendFeatureWire>().toExtend<BackstageAddable>();
    expectTypeOf<Promise<{ default: Spec.BackendFeature }>>().toExtend<BackstageAddable>();
    expectTypeOf<Spec.ServiceFactoryFeature<string, 'root', 'singleton'>>().toExtend<
      Backstage.ServiceFactory<string, 'root', 'singleton'>
    >();
  });

  it('the wire-format refs carry everything the public refs do', () => {
    expectTypeOf<Spec.ServiceRefWire<string, 'plugin', 'singleton'>>().toExtend<
      Backstage.ServiceRef<string, 'plugin'>
    >();
  });
});
