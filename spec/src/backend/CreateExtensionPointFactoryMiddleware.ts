import type { ExtensionPoint } from '../wire/ExtensionPoint.js';
import type { ExtensionPointFactoryMiddleware } from '../wire/ExtensionPointFactoryMiddleware.js';

/**
 * The signature of `createExtensionPointFactoryMiddleware`: wraps every implementation of one
 * extension point that modules receive.
 *
 * **When to use**: to decorate or restrict an extension point for all its consumers, for example
 * to log what modules contribute; pass the result to `createSpecializedBackend`.
 *
 * **Details**: the returned object has the shape of {@link ExtensionPointFactoryMiddlewareWire}.
 *
 * @requirement FEAT-102
 * @requirement EXT-040
 * @see {@link ExtensionPointFactoryMiddlewareWire}
 * @category backend
 * @since 0.1.0
 */
export type CreateExtensionPointFactoryMiddleware = <T>(options: {
  /** The extension point whose implementations are replaced. */
  extensionPoint: ExtensionPoint<T>;
  /** Takes the implementation built for one module and resolves to its replacement. */
  middleware: (original: T) => Promise<T>;
}) => ExtensionPointFactoryMiddleware;
