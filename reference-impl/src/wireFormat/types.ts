/**
 * The feature wire format as TypeScript types.
 *
 * These mirror the public types of `@backstage/backend-plugin-api` 1.10.1
 * structurally, so values typed with either package are assignable to the
 * other. The `Internal*` types describe the fields a runtime reads, which the
 * public types hide.
 */

/** Any installable feature. Everything but the tag is internal but stable. */
export interface BackendFeature {
  $$type: '@backstage/BackendFeature';
}

export type ServiceScope = 'root' | 'plugin';
export type ServiceInstances = 'singleton' | 'multiton';

/** A reference to a service, matched by `id` at run time. */
export type ServiceRef<
  TService,
  TScope extends ServiceScope = ServiceScope,
  TInstances extends ServiceInstances = ServiceInstances,
> = {
  id: string;
  scope: TScope;
  multiton?: TInstances extends 'multiton' ? true : false;
  /** Type carrier only; always `null` at run time. */
  T: TService;
  $$type: '@backstage/ServiceRef';
};

/** A service factory as seen by its authors. */
export interface ServiceFactory<
  TService = unknown,
  TScope extends ServiceScope = ServiceScope,
  TInstances extends ServiceInstances = ServiceInstances,
> extends BackendFeature {
  service: ServiceRef<TService, TScope, TInstances>;
}

export interface ServiceRefOptions<
  TService,
  TScope extends ServiceScope,
  TInstances extends ServiceInstances,
> {
  id: string;
  scope?: TScope;
  multiton?: TInstances extends 'multiton' ? true : false;
  defaultFactory?(service: ServiceRef<TService, TScope>): Promise<ServiceFactory>;
}

/** A reference to an extension point. */
export type ExtensionPoint<T> = {
  id: string;
  /** Type carrier only; always `null` at run time. */
  T: T;
  toString(): string;
  $$type: '@backstage/ExtensionPoint';
};

export interface ExtensionPointFactoryContext {
  reportModuleStartupFailure(options: { error: Error }): void;
}

export interface ConnectionRegistration {
  type: string;
  required?: boolean;
  description?: string;
}

/** Maps a deps object of refs to the instances handed to `init`. */
export type DepsToInstances<
  TDeps extends { [key in string]: ServiceRef<unknown> | ExtensionPoint<unknown> },
> = {
  [key in keyof TDeps]: TDeps[key] extends ServiceRef<unknown, ServiceScope, 'multiton'>
    ? Array<TDeps[key]['T']>
    : TDeps[key]['T'];
};

/** Maps a deps object of service refs to instances, keeping only refs of `TScope`. */
export type ServiceRefsToInstances<
  T extends { [key in string]: ServiceRef<unknown> },
  TScope extends ServiceScope = ServiceScope,
> = {
  [key in keyof T as T[key]['scope'] extends TScope ? key : never]: T[key]['multiton'] extends
    true | undefined
    ? Array<T[key]['T']>
    : T[key]['T'];
};

export interface BackendPluginRegistrationPoints {
  registerExtensionPoint<TExtensionPoint>(
    ref: ExtensionPoint<TExtensionPoint>,
    impl: TExtensionPoint,
  ): void;
  registerExtensionPoint<TExtensionPoint>(options: {
    extensionPoint: ExtensionPoint<TExtensionPoint>;
    factory: (context: ExtensionPointFactoryContext) => TExtensionPoint;
  }): void;
  registerInit<TDeps extends { [name in string]: ServiceRef<unknown> }>(options: {
    deps: TDeps;
    init(deps: DepsToInstances<TDeps>): Promise<void>;
  }): void;
}

export interface BackendModuleRegistrationPoints {
  registerExtensionPoint<TExtensionPoint>(
    ref: ExtensionPoint<TExtensionPoint>,
    impl: TExtensionPoint,
  ): void;
  registerExtensionPoint<TExtensionPoint>(options: {
    extensionPoint: ExtensionPoint<TExtensionPoint>;
    factory: (context: ExtensionPointFactoryContext) => TExtensionPoint;
  }): void;
  registerInit<
    TDeps extends { [name in string]: ServiceRef<unknown> | ExtensionPoint<unknown> },
  >(options: {
    deps: TDeps;
    init(deps: DepsToInstances<TDeps>): Promise<void>;
  }): void;
}

// ---------------------------------------------------------------------------
// Internal (runtime-facing) shapes
// ---------------------------------------------------------------------------

/** A service ref as the runtime reads it, including the hidden default factory. */
export interface InternalServiceRef {
  id: string;
  scope: ServiceScope;
  multiton?: boolean;
  $$type?: string;
  __defaultFactory?: (ref: InternalServiceRef) => Promise<unknown>;
}

/** An extension point ref as the runtime reads it. */
export interface InternalExtensionPoint {
  id: string;
  $$type: '@backstage/ExtensionPoint';
}

export type InternalDeps = { [name in string]: InternalServiceRef };

export interface InternalServiceFactory {
  $$type: '@backstage/BackendFeature';
  version: 'v1';
  featureType: 'service';
  service: InternalServiceRef;
  initialization?: 'always' | 'lazy';
  deps: InternalDeps;
  createRootContext?(deps: { [name in string]: unknown }): Promise<unknown>;
  factory(deps: { [name in string]: unknown }, context: unknown): Promise<unknown>;
}

export interface InternalBackendFeatureLoader {
  $$type: '@backstage/BackendFeature';
  version: 'v1';
  featureType: 'loader';
  description: string;
  deps?: InternalDeps;
  loader(deps: { [name in string]: unknown }): Promise<BackendFeature[]>;
}

export interface InternalExtensionPointRegistration {
  extensionPoint: InternalExtensionPoint;
  factory: (context: ExtensionPointFactoryContext) => unknown;
}

export interface InternalInitRegistration {
  deps: { [name in string]: InternalServiceRef | InternalExtensionPoint };
  func(deps: { [name in string]: unknown }): Promise<void>;
}

export interface InternalPluginRegistration {
  type: 'plugin-v1.1';
  pluginId: string;
  extensionPoints: InternalExtensionPointRegistration[];
  connections?: ConnectionRegistration[];
  init: InternalInitRegistration;
}

export interface InternalModuleRegistration {
  type: 'module-v1.1';
  pluginId: string;
  moduleId: string;
  extensionPoints: InternalExtensionPointRegistration[];
  connections?: ConnectionRegistration[];
  init: InternalInitRegistration;
}

export interface LegacyPluginRegistration {
  type: 'plugin';
  pluginId: string;
  extensionPoints: Array<[InternalExtensionPoint, unknown]>;
  init: InternalInitRegistration;
}

export interface LegacyModuleRegistration {
  type: 'module';
  pluginId: string;
  moduleId: string;
  extensionPoints: Array<[InternalExtensionPoint, unknown]>;
  init: InternalInitRegistration;
}

export type InternalRegistration =
  | InternalPluginRegistration
  | InternalModuleRegistration
  | LegacyPluginRegistration
  | LegacyModuleRegistration;

export interface InternalRegistrationsFeature {
  $$type: '@backstage/BackendFeature';
  version: 'v1';
  featureType: 'registrations';
  getRegistrations(): InternalRegistration[];
}

/** Middleware applied to every instance an extension point factory produces. */
export interface ExtensionPointFactoryMiddleware {
  $$type: '@backstage/ExtensionPointFactoryMiddleware';
  version: 'v1';
  extensionPointId: string;
  middleware(impl: unknown): unknown;
}
