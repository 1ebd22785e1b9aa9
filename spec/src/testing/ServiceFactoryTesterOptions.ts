import type { ServiceFactory } from '../wire/ServiceFactory.js';

/**
 * Options of `ServiceFactoryTester.from`.
 *
 * **When to use**: to give the subject factory the dependencies it needs, replacing the test
 * backend's defaults.
 *
 * @requirement TEST-181
 * @see {@link ServiceFactoryTester}
 * @category testing
 * @since 0.1.0
 */
export interface ServiceFactoryTesterOptions {
  /** Factories that replace the test backend's default factories with the same id. */
  dependencies?: ServiceFactory[];
}
