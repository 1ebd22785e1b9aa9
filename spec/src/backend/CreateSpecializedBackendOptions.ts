import type { ExtensionPointFactoryMiddleware } from '../wire/ExtensionPointFactoryMiddleware.js';
import type { ServiceFactory } from '../wire/ServiceFactory.js';

/**
 * The options of `createSpecializedBackend`.
 *
 * **When to use**: to build a backend with exactly the default services you choose, for example
 * in a runtime's `createBackend` or in a test kit.
 *
 * **Details**: default factories have the lowest precedence of all explicitly provided
 * factories: a factory passed to `add()` or produced by a feature loader replaces them. Same
 * shape as Backstage's `CreateSpecializedBackendOptions`.
 *
 * @requirement BACK-002
 * @requirement BACK-003
 * @requirement BACK-004
 * @requirement BACK-005
 * @requirement BACK-006
 * @requirement BACK-007
 * @requirement FEAT-103
 * @requirement EXT-040
 * @see {@link CreateSpecializedBackend}
 * @category backend
 * @since 0.1.0
 */
export interface CreateSpecializedBackendOptions {
  /** The factories used for services that nothing else provides. */
  defaultServiceFactories: ServiceFactory[];
  /** Middleware applied to extension point implementations; none when omitted. */
  extensionPointFactoryMiddleware?: ExtensionPointFactoryMiddleware[];
}
