import type { ExtensionPointFactoryMiddleware } from './ExtensionPointFactoryMiddleware.js';

/**
 * The complete run-time shape of an extension point factory middleware.
 *
 * **When to use**: authoring libraries produce it; `createSpecializedBackend` validates it and
 * the runtime applies it.
 *
 * **Details**: after the extension point factory has built the implementation for a consuming
 * module, each middleware for that extension point id replaces it, in the order given:
 * `impl = await middleware(impl)`.
 *
 * @requirement FEAT-102
 * @requirement FEAT-103
 * @requirement EXT-040
 * @requirement EXT-043
 * @requirement EXT-044
 * @requirement EXT-045
 * @requirement EXT-046
 * @see {@link ExtensionPointFactoryMiddleware}
 * @category wire-format
 * @since 0.1.0
 */
export interface ExtensionPointFactoryMiddlewareWire extends ExtensionPointFactoryMiddleware {
  /** The wire format version, {@link FEATURE_VERSION}. */
  version: 'v1';
  /** The id of the extension point whose implementations this middleware replaces. */
  extensionPointId: string;
  /** Takes the implementation built for one module and resolves to its replacement. */
  middleware: (original: unknown) => Promise<unknown>;
}
