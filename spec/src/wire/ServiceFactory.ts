import type { BackendFeature } from './BackendFeature.js';
import type { ServiceInstances } from './ServiceInstances.js';
import type { ServiceRef } from './ServiceRef.js';
import type { ServiceScope } from './ServiceScope.js';

/**
 * A feature that provides the implementation of one service.
 *
 * **When to use**: as the type of what `createServiceFactory` returns, of the
 * `defaultServiceFactories` of a backend, and of service overrides passed to `add()`.
 *
 * **Details**: this is the public view, identical to Backstage's `ServiceFactory`: the feature
 * tag and the ref of the service it implements. The rest of the object that a runtime reads is
 * described by {@link ServiceFactoryFeature}.
 *
 * @requirement FEAT-083
 * @requirement CLS-009
 * @see {@link ServiceFactoryFeature}
 * @see {@link CreateServiceFactory}
 * @category wire-format
 * @since 0.1.0
 */
export interface ServiceFactory<
  TService = unknown,
  TScope extends ServiceScope = ServiceScope,
  TInstances extends ServiceInstances = ServiceInstances,
> extends BackendFeature {
  /** The ref of the service this factory implements. */
  service: ServiceRef<TService, TScope, TInstances>;
}
