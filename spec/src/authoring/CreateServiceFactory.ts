import type { ServiceFactory } from '../wire/ServiceFactory.js';
import type { ServiceInstances } from '../wire/ServiceInstances.js';
import type { ServiceRef } from '../wire/ServiceRef.js';
import type { PluginServiceFactoryOptions } from './PluginServiceFactoryOptions.js';
import type { RootServiceFactoryOptions } from './RootServiceFactoryOptions.js';

/**
 * The signature of `createServiceFactory`: defines the implementation of a service as a feature.
 *
 * **When to use**: to provide a service: as a default factory of a backend, as an override passed
 * to `add()`, or as a ref's `defaultFactory`.
 *
 * **Details**: one overload for root-scoped and one for plugin-scoped services, as in
 * Backstage. Root factories may depend only on root-scoped services. The returned feature has
 * the shape of {@link ServiceFactoryFeature}, with `factory` and `createRootContext` wrapped to
 * always return promises.
 *
 * @example
 * ```ts
 * export const greeterServiceFactory = createServiceFactory({
 *   service: greeterServiceRef,
 *   deps: { logger: coreServices.logger },
 *   factory: ({ logger }) => ({ greet: () => { logger.info('hello'); return 'hello'; } }),
 * });
 * ```
 *
 * @requirement FEAT-083
 * @requirement FEAT-084
 * @requirement FEAT-085
 * @see {@link RootServiceFactoryOptions}
 * @see {@link PluginServiceFactoryOptions}
 * @category authoring
 * @since 0.1.0
 */
export type CreateServiceFactory = {
  <
    TService,
    TInstances extends ServiceInstances,
    TImpl extends TService,
    TDeps extends { [name in string]: ServiceRef<unknown, 'root'> },
  >(
    options: RootServiceFactoryOptions<TService, TInstances, TImpl, TDeps>,
  ): ServiceFactory<TService, 'root', TInstances>;
  <
    TService,
    TInstances extends ServiceInstances,
    TImpl extends TService,
    TDeps extends { [name in string]: ServiceRef<unknown> },
    TContext = undefined,
  >(
    options: PluginServiceFactoryOptions<TService, TInstances, TContext, TImpl, TDeps>,
  ): ServiceFactory<TService, 'plugin', TInstances>;
};
