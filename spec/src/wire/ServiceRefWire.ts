import type { ServiceFactory } from './ServiceFactory.js';
import type { ServiceInstances } from './ServiceInstances.js';
import type { ServiceRef } from './ServiceRef.js';
import type { ServiceScope } from './ServiceScope.js';

/**
 * The complete run-time shape of a service ref made by an authoring library.
 *
 * **When to use**: in authoring libraries, which must produce this shape, and in runtimes, which
 * read `__defaultFactory` from it to find a service's fallback factory.
 *
 * **Details**: extends the public {@link ServiceRef} with the properties that Backstage's
 * `createServiceRef` sets but does not declare publicly: `multiton` is always present,
 * `toString()` renders `serviceRef{<id>}`, `toJSON()` leaves out the default factory, and
 * `__defaultFactory` holds the `defaultFactory` option. A runtime must still accept a ref that
 * has only an `id` and a `scope`.
 *
 * @requirement FEAT-071
 * @requirement FEAT-072
 * @requirement FEAT-073
 * @requirement FEAT-074
 * @requirement FEAT-075
 * @requirement FEAT-076
 * @requirement FEAT-077
 * @requirement FEAT-078
 * @requirement SVC-032
 * @requirement SVC-033
 * @requirement SVC-034
 * @see {@link ServiceRef}
 * @category wire-format
 * @since 0.1.0
 */
export interface ServiceRefWire<
  TService = unknown,
  TScope extends ServiceScope = ServiceScope,
  TInstances extends ServiceInstances = ServiceInstances,
> extends Omit<ServiceRef<TService, TScope, TInstances>, 'multiton'> {
  /** `true` for a multiton service, `false` for a singleton; always present. */
  multiton: boolean;
  /** Returns `serviceRef{<id>}`. */
  toString: () => string;
  /** Returns `{ $$type, id, scope, multiton }` and nothing else. */
  toJSON: () => {
    $$type: '@backstage/ServiceRef';
    id: string;
    scope: TScope;
    multiton: boolean;
  };
  /**
   * The `defaultFactory` option given to `createServiceRef`, if any: called with the ref, it
   * resolves to the factory to use when no other factory for the service exists, or to a
   * function that returns that factory.
   */
  __defaultFactory?: (
    service: ServiceRef<TService, TScope>,
  ) => Promise<ServiceFactory | (() => ServiceFactory)>;
  /**
   * The default factory loader under its option name. Read only when `__defaultFactory` is
   * absent, for refs built by hand.
   */
  defaultFactory?: (
    service: ServiceRef<TService, TScope>,
  ) => Promise<ServiceFactory | (() => ServiceFactory)>;
}
