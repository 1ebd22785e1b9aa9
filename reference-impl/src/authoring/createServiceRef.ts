import { SERVICE_REF_TYPE } from '../wireFormat/constants.js';
import type { ServiceRef, ServiceRefOptions } from '../wireFormat/types.js';

/**
 * Creates a reference to a service, matched by `id` at run time.
 *
 * Produces the same object as `@backstage/backend-plugin-api`: `scope`
 * defaults to `'plugin'`, `multiton` to `false`, and the optional default
 * factory is kept on the hidden `__defaultFactory` field.
 */
export function createServiceRef<TService>(
  options: ServiceRefOptions<TService, 'plugin', 'singleton'>,
): ServiceRef<TService, 'plugin', 'singleton'>;
export function createServiceRef<TService>(
  options: ServiceRefOptions<TService, 'root', 'singleton'>,
): ServiceRef<TService, 'root', 'singleton'>;
export function createServiceRef<TService>(
  options: ServiceRefOptions<TService, 'plugin', 'multiton'>,
): ServiceRef<TService, 'plugin', 'multiton'>;
export function createServiceRef<TService>(
  options: ServiceRefOptions<TService, 'root', 'multiton'>,
): ServiceRef<TService, 'root', 'multiton'>;
export function createServiceRef<TService>(
  options: ServiceRefOptions<TService, 'root' | 'plugin', 'singleton' | 'multiton'>,
): ServiceRef<TService> {
  const { id, scope = 'plugin', multiton = false, defaultFactory } = options;
  const ref = {
    id,
    scope,
    multiton,
    // Type carrier only: `typeof ref.T` names the service type.
    T: null as unknown as TService,
    toString() {
      return `serviceRef{${id}}`;
    },
    toJSON() {
      return { $$type: SERVICE_REF_TYPE, id, scope, multiton };
    },
    $$type: SERVICE_REF_TYPE,
    __defaultFactory: defaultFactory,
  };
  return ref as ServiceRef<TService>;
}
