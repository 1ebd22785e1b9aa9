import type { ServiceFactory } from '../wire/ServiceFactory.js';
import type { ServiceInstances } from '../wire/ServiceInstances.js';
import type { ServiceRef } from '../wire/ServiceRef.js';
import type { ServiceScope } from '../wire/ServiceScope.js';

/**
 * The options of `createServiceRef`.
 *
 * **When to use**: to define a service ref.
 *
 * **Details**: `scope` defaults to `'plugin'` and `multiton` to `false`. `defaultFactory` is
 * called lazily, only when a backend has no other factory for the service; it lets a service
 * ship with an implementation that works without any setup.
 *
 * @requirement FEAT-074
 * @requirement FEAT-078
 * @requirement NAME-032
 * @requirement NAME-033
 * @see {@link CreateServiceRef}
 * @category authoring
 * @since 0.1.0
 */
export interface ServiceRefOptions<
  TService,
  TScope extends ServiceScope,
  TInstances extends ServiceInstances,
> {
  /** The service id, conventionally `<pluginId>.<name>`. */
  id: string;
  /** The scope; `'plugin'` when omitted. */
  scope?: TScope;
  /** `true` for a multiton service. */
  multiton?: TInstances extends 'multiton' ? true : false;
  /** Loads the factory to use when the backend has no other factory for this service. */
  defaultFactory?: (service: ServiceRef<TService, TScope>) => Promise<ServiceFactory>;
}
