import type { ServiceInstances } from './ServiceInstances.js';
import type { ServiceScope } from './ServiceScope.js';

/**
 * A typed reference to a service: the key by which plugins, modules and service factories
 * declare what they depend on.
 *
 * **When to use**: in the `deps` of `registerInit`, `createServiceFactory` and
 * `createBackendFeatureLoader`, and as the `service` that a factory implements. Create refs with
 * {@link CreateServiceRef | createServiceRef}; the core ones are in {@link CoreServices}.
 *
 * **Details**: this is the compile-time view, identical to Backstage's public `ServiceRef`, so a
 * ref made by either library can be used with the other. A runtime identifies a service by `id`
 * alone: two ref objects with the same id name the same service. `T` exists only to carry the
 * service's TypeScript type; at run time it is `null`. What a runtime reads from a ref at run
 * time is described by {@link ServiceRefWire}.
 *
 * @example
 * ```ts
 * const ref: ServiceRef<{ greet: () => string }, 'plugin', 'singleton'> = createServiceRef({
 *   id: 'example.greeter',
 * });
 * ```
 *
 * @requirement FEAT-068
 * @requirement FEAT-069
 * @requirement FEAT-070
 * @see {@link ServiceRefWire}
 * @see {@link CreateServiceRef}
 * @category wire-format
 * @since 0.1.0
 */
export type ServiceRef<
  TService,
  TScope extends ServiceScope = ServiceScope,
  TInstances extends ServiceInstances = ServiceInstances,
> = {
  /**
   * The service id, unique within a backend. Core services use `core.<name>`; other services
   * should use `<pluginId>.<name>`.
   */
  id: string;
  /** Whether the service has one instance per backend or one per plugin. */
  scope: TScope;
  /**
   * `true` for a multiton service. Absent or `false` for a singleton.
   */
  multiton?: TInstances extends 'multiton' ? true : false;
  /**
   * Carries the service type for the compiler only; `null` at run time and never read.
   */
  T: TService;
  /** The tag {@link SERVICE_REF_TYPE}. */
  $$type: '@backstage/ServiceRef';
};
