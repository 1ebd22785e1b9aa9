import type { ServiceFactoryInitialization } from '../wire/ServiceFactoryInitialization.js';
import type { ServiceInstances } from '../wire/ServiceInstances.js';
import type { ServiceRef } from '../wire/ServiceRef.js';
import type { ServiceRefsToInstances } from './ServiceRefsToInstances.js';

/**
 * The options of `createServiceFactory` for a plugin-scoped service.
 *
 * **When to use**: to implement a plugin-scoped service.
 *
 * **Details**: `createRootContext` runs at most once per backend, with the root-scoped
 * dependencies only; its result is passed to every `factory` call. `factory` runs once per plugin
 * that needs the service (every plugin when `initialization` is `'always'`), with dependencies of
 * both scopes resolved for that plugin.
 *
 * @requirement SVC-007
 * @requirement SVC-010
 * @requirement SVC-011
 * @requirement SVC-012
 * @requirement SVC-013
 * @requirement SVC-014
 * @requirement SVC-023
 * @requirement INIT-021
 * @see {@link CreateServiceFactory}
 * @see {@link RootServiceFactoryOptions}
 * @category authoring
 * @since 0.1.0
 */
export interface PluginServiceFactoryOptions<
  TService,
  TInstances extends ServiceInstances,
  TContext,
  TImpl extends TService,
  TDeps extends { [name in string]: ServiceRef<unknown> },
> {
  /** When the service is instantiated; only when needed (`'lazy'`) when omitted. */
  initialization?: ServiceFactoryInitialization;
  /** The plugin-scoped service this factory implements. */
  service: ServiceRef<TService, 'plugin', TInstances>;
  /** The services the factory depends on, by name. */
  deps: TDeps;
  /** Creates the value shared by all plugins' instances. */
  createRootContext?: (deps: ServiceRefsToInstances<TDeps, 'root'>) => TContext | Promise<TContext>;
  /** Creates the service instance for one plugin. */
  factory: (deps: ServiceRefsToInstances<TDeps>, context: TContext) => TImpl | Promise<TImpl>;
}
