import type { ServiceInstances } from '../wire/ServiceInstances.js';
import type { ServiceRef } from '../wire/ServiceRef.js';
import type { ServiceScope } from '../wire/ServiceScope.js';

/**
 * Instantiates one service factory, with its dependencies, outside a backend.
 *
 * **When to use**: to unit-test a service factory: get the instance it builds for a plugin and
 * exercise it.
 *
 * **Details**: instances are cached as a runtime caches them, so repeated calls for the same
 * service and plugin id return the same instance. Plugin ids default to `test`.
 *
 * @requirement TEST-182
 * @requirement TEST-183
 * @requirement TEST-184
 * @requirement TEST-185
 * @requirement TEST-186
 * @see {@link ServiceFactoryTesterStatic}
 * @category testing
 * @since 0.1.0
 */
export interface ServiceFactoryTester<TService, TScope extends ServiceScope = ServiceScope> {
  /**
   * The subject's instance for `pluginId`. Only plugin-scoped subjects take a plugin id; a
   * root-scoped subject has one instance.
   */
  getSubject: (...args: TScope extends 'plugin' ? [pluginId?: string] : []) => Promise<TService>;
  /** The instance of any service for `pluginId`; rejects when nothing provides it. */
  getService: <TGetService, TInstances extends ServiceInstances>(
    service: ServiceRef<TGetService, ServiceScope, TInstances>,
    pluginId?: string,
  ) => Promise<TInstances extends 'multiton' ? TGetService[] : TGetService>;
}
