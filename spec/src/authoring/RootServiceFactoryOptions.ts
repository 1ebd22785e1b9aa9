import type { ServiceFactoryInitialization } from '../wire/ServiceFactoryInitialization.js';
import type { ServiceInstances } from '../wire/ServiceInstances.js';
import type { ServiceRef } from '../wire/ServiceRef.js';
import type { ServiceRefsToInstances } from './ServiceRefsToInstances.js';

/**
 * The options of `createServiceFactory` for a root-scoped service.
 *
 * **When to use**: to implement a root-scoped service.
 *
 * **Details**: `factory` is called once per backend with the root-scoped dependencies; by
 * default it runs eagerly while the backend starts.
 *
 * @requirement SVC-006
 * @requirement SVC-022
 * @requirement SVC-042
 * @see {@link CreateServiceFactory}
 * @see {@link PluginServiceFactoryOptions}
 * @category authoring
 * @since 0.1.0
 */
export interface RootServiceFactoryOptions<
  TService,
  TInstances extends ServiceInstances,
  TImpl extends TService,
  TDeps extends { [name in string]: ServiceRef<unknown> },
> {
  /** When the service is instantiated; eagerly (`'always'`) when omitted. */
  initialization?: ServiceFactoryInitialization;
  /** The root-scoped service this factory implements. */
  service: ServiceRef<TService, 'root', TInstances>;
  /** The services the factory depends on, by name. */
  deps: TDeps;
  /** Creates the service instance. */
  factory: (deps: ServiceRefsToInstances<TDeps, 'root'>) => TImpl | Promise<TImpl>;
}
