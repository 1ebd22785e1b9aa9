import { BACKEND_FEATURE_TYPE, BACKEND_FEATURE_VERSION } from '../wireFormat/constants.js';
import { registerFactoryBody, type FactoryBody } from '../wireFormat/factoryBodies.js';
import type {
  ServiceFactory,
  ServiceInstances,
  ServiceRef,
  ServiceRefsToInstances,
} from '../wireFormat/types.js';

/** Options of a root-scoped service factory. */
export interface RootServiceFactoryOptions<
  TService,
  TInstances extends ServiceInstances,
  TImpl extends TService,
  TDeps extends { [name in string]: ServiceRef<unknown> },
> {
  /** Root factories default to `'always'` (created at startup). */
  initialization?: 'always' | 'lazy';
  service: ServiceRef<TService, 'root', TInstances>;
  deps: TDeps;
  factory(deps: ServiceRefsToInstances<TDeps, 'root'>): TImpl | Promise<TImpl>;
}

/** Options of a plugin-scoped service factory. */
export interface PluginServiceFactoryOptions<
  TService,
  TInstances extends ServiceInstances,
  TContext,
  TImpl extends TService,
  TDeps extends { [name in string]: ServiceRef<unknown> },
> {
  /** Plugin factories default to `'lazy'` (created when first depended on). */
  initialization?: 'always' | 'lazy';
  service: ServiceRef<TService, 'plugin', TInstances>;
  deps: TDeps;
  createRootContext?(deps: ServiceRefsToInstances<TDeps, 'root'>): TContext | Promise<TContext>;
  factory(deps: ServiceRefsToInstances<TDeps>, context: TContext): TImpl | Promise<TImpl>;
}

/**
 * Creates a service factory feature.
 *
 * The result is `{ $$type, version: 'v1', featureType: 'service', service,
 * initialization, deps, factory }`; plugin-scoped factories carry
 * `createRootContext` only when the option was given. `factory` and
 * `createRootContext` are always async in the produced object.
 */
export function createServiceFactory<
  TService,
  TInstances extends ServiceInstances,
  TImpl extends TService,
  TDeps extends { [name in string]: ServiceRef<unknown, 'root'> },
>(
  options: RootServiceFactoryOptions<TService, TInstances, TImpl, TDeps>,
): ServiceFactory<TService, 'root', TInstances>;
export function createServiceFactory<
  TService,
  TInstances extends ServiceInstances,
  TImpl extends TService,
  TDeps extends { [name in string]: ServiceRef<unknown> },
  TContext = undefined,
>(
  options: PluginServiceFactoryOptions<TService, TInstances, TContext, TImpl, TDeps>,
): ServiceFactory<TService, 'plugin', TInstances>;
export function createServiceFactory(
  // The overloads above carry the precise types; the implementation only
  // moves the fields into the wire-format object.
  options:
    | RootServiceFactoryOptions<
        unknown,
        ServiceInstances,
        unknown,
        { [name in string]: ServiceRef<unknown> }
      >
    | PluginServiceFactoryOptions<
        unknown,
        ServiceInstances,
        unknown,
        unknown,
        { [name in string]: ServiceRef<unknown> }
      >,
): ServiceFactory {
  const base = {
    $$type: BACKEND_FEATURE_TYPE,
    version: BACKEND_FEATURE_VERSION,
    featureType: 'service' as const,
    service: options.service,
    initialization: options.initialization,
    deps: options.deps,
  };
  if (options.service.scope === 'root') {
    const root = options as RootServiceFactoryOptions<
      unknown,
      ServiceInstances,
      unknown,
      { [name in string]: ServiceRef<unknown> }
    >;
    return {
      ...base,
      factory: async (
        deps: ServiceRefsToInstances<{ [name in string]: ServiceRef<unknown> }, 'root'>,
      ) => root.factory(deps),
    } as ServiceFactory;
  }
  const plugin = options as PluginServiceFactoryOptions<
    unknown,
    ServiceInstances,
    unknown,
    unknown,
    { [name in string]: ServiceRef<unknown> }
  >;
  // The runtime calls the body itself (see factoryBodies): a backend builds these once per plugin.
  const body: FactoryBody = (deps, ctx) =>
    plugin.factory(deps as ServiceRefsToInstances<{ [name in string]: ServiceRef<unknown> }>, ctx);
  const pluginFactory = async (deps: { [name in string]: unknown }, ctx: unknown) =>
    body(deps, ctx);
  registerFactoryBody(pluginFactory, body);
  return {
    ...base,
    ...('createRootContext' in plugin
      ? {
          createRootContext: async (
            deps: ServiceRefsToInstances<{ [name in string]: ServiceRef<unknown> }, 'root'>,
          ) => plugin.createRootContext?.(deps),
        }
      : {}),
    factory: pluginFactory,
  } as ServiceFactory;
}
