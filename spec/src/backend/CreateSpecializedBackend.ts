import type { Backend } from './Backend.js';
import type { CreateSpecializedBackendOptions } from './CreateSpecializedBackendOptions.js';

/**
 * The signature of `createSpecializedBackend`: creates an empty backend instance with the given
 * default service factories.
 *
 * **When to use**: a runtime exports a function of this type; deployments usually call the
 * runtime's `createBackend` instead.
 *
 * **Details**: validates the options synchronously and throws on invalid factories, duplicate
 * service ids, a factory for `core.pluginMetadata` and cycles among the default factories.
 *
 * @requirement BACK-001
 * @requirement BACK-002
 * @requirement BACK-003
 * @requirement BACK-004
 * @requirement BACK-005
 * @requirement BACK-006
 * @requirement SVC-047
 * @see {@link CreateSpecializedBackendOptions}
 * @see {@link Backend}
 * @category backend
 * @since 0.1.0
 */
export type CreateSpecializedBackend = (options: CreateSpecializedBackendOptions) => Backend;
