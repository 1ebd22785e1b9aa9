import type { ServiceRef } from '../wire/ServiceRef.js';
import type { ServiceRefOptions } from './ServiceRefOptions.js';

/**
 * The signature of `createServiceRef`: creates a typed service ref.
 *
 * **When to use**: in the node library of a plugin or service package, to define a service that
 * others can depend on and provide factories for.
 *
 * **Details**: one overload per combination of scope and multiplicity, as in Backstage, so that
 * the returned ref's type reflects the options. The returned object has the shape of
 * {@link ServiceRefWire}.
 *
 * @example
 * ```ts
 * export const greeterServiceRef = createServiceRef<Greeter>({ id: 'example.greeter' });
 * export const rootMetricsServiceRef = createServiceRef<Metrics>({
 *   id: 'example.metrics',
 *   scope: 'root',
 * });
 * ```
 *
 * @requirement FEAT-074
 * @requirement FEAT-075
 * @requirement FEAT-076
 * @requirement FEAT-077
 * @requirement FEAT-078
 * @see {@link ServiceRefOptions}
 * @see {@link ServiceRef}
 * @category authoring
 * @since 0.1.0
 */
export type CreateServiceRef = {
  <TService>(
    options: ServiceRefOptions<TService, 'plugin', 'singleton'>,
  ): ServiceRef<TService, 'plugin', 'singleton'>;
  <TService>(
    options: ServiceRefOptions<TService, 'root', 'singleton'>,
  ): ServiceRef<TService, 'root', 'singleton'>;
  <TService>(
    options: ServiceRefOptions<TService, 'plugin', 'multiton'>,
  ): ServiceRef<TService, 'plugin', 'multiton'>;
  <TService>(
    options: ServiceRefOptions<TService, 'root', 'multiton'>,
  ): ServiceRef<TService, 'root', 'multiton'>;
};
