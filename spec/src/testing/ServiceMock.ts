import type { ServiceFactory } from '../wire/ServiceFactory.js';
import type { MockedService } from './MockedService.js';

/**
 * What `mockServices.<name>.mock(partial?)` returns: the service with every method a spy, and a
 * factory that installs exactly this object.
 *
 * **When to use**: to assert on calls a plugin makes to a service, or to script its answers.
 *
 * **Details**: spies for methods that `partial` provides call those functions; the others return
 * `undefined` until the test gives them behaviour. The `factory` provides this object to every
 * consumer, whatever its plugin.
 *
 * @requirement TEST-063
 * @requirement TEST-064
 * @requirement TEST-065
 * @requirement TEST-066
 * @see {@link MockServices}
 * @category testing
 * @since 0.1.0
 */
export type ServiceMock<TService> = MockedService<TService> & {
  /** Installs this object as the service in a test backend. */
  factory: ServiceFactory<TService>;
};
