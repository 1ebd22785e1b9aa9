import type { Backend } from './Backend.js';

/**
 * The signature of a runtime's batteries-included `createBackend`: a backend with the runtime's
 * default factory for every core service.
 *
 * **When to use**: in a deployment's entry point.
 *
 * @requirement BACK-009
 * @requirement BACK-010
 * @see {@link CreateSpecializedBackend}
 * @category backend
 * @since 0.1.0
 */
export type CreateBackend = () => Backend;
