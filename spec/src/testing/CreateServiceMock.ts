import type { ServiceRef } from '../wire/ServiceRef.js';
import type { ServiceScope } from '../wire/ServiceScope.js';
import type { MockedService } from './MockedService.js';
import type { ServiceMock } from './ServiceMock.js';

/**
 * The signature of `createServiceMock`: builds the `.mock(partial?)` helper for a service that is
 * not a core service.
 *
 * **When to use**: in a plugin's node library, to give its own service refs the same mocking
 * helper that `mockServices` offers for core services.
 *
 * @requirement TEST-094
 * @see {@link ServiceMock}
 * @category testing
 * @since 0.1.0
 */
export type CreateServiceMock = <TService>(
  ref: ServiceRef<TService, ServiceScope, 'singleton'>,
  createSpies: () => MockedService<TService>,
) => (partialImpl?: Partial<TService>) => ServiceMock<TService>;
