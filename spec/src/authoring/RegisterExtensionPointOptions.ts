import type { ExtensionPoint } from '../wire/ExtensionPoint.js';
import type { ExtensionPointFactoryContext } from '../wire/ExtensionPointFactoryContext.js';

/**
 * The options form of `registerExtensionPoint`: the ref and a factory called once per consuming
 * module.
 *
 * **When to use**: when each consuming module should get its own implementation object, for
 * example to know which module added what, or to report a module's startup failure.
 *
 * @requirement FEAT-056
 * @requirement EXT-030
 * @see {@link RegisterExtensionPoint}
 * @category authoring
 * @since 0.1.0
 */
export interface RegisterExtensionPointOptions<TExtensionPoint> {
  /** The extension point being registered. */
  extensionPoint: ExtensionPoint<TExtensionPoint>;
  /** Builds the implementation for one consuming module. */
  factory: (context: ExtensionPointFactoryContext) => TExtensionPoint;
}
