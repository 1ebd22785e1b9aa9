import type { ServiceFactory } from '../wire/ServiceFactory.js';
import type { ServiceScope } from '../wire/ServiceScope.js';
import type { ServiceFactoryTester } from './ServiceFactoryTester.js';
import type { ServiceFactoryTesterOptions } from './ServiceFactoryTesterOptions.js';

/**
 * The type of a test kit's `ServiceFactoryTester` export: the constructor side, with `from`.
 *
 * **When to use**: `ServiceFactoryTester.from(subject, { dependencies })`.
 *
 * **Details**: the tester's registry holds the test backend's default factories, then
 * `dependencies`, then the subject; a later factory replaces an earlier one with the same id.
 *
 * @requirement TEST-181
 * @see {@link ServiceFactoryTester}
 * @category testing
 * @since 0.1.0
 */
export interface ServiceFactoryTesterStatic {
  /** Creates a tester for `subject`. */
  from: <TService, TScope extends ServiceScope>(
    subject: ServiceFactory<TService, TScope>,
    options?: ServiceFactoryTesterOptions,
  ) => ServiceFactoryTester<TService, TScope>;
}
