import type { ExtensionPoint } from './ExtensionPoint.js';
import type { ExtensionPointFactoryContext } from './ExtensionPointFactoryContext.js';

/**
 * One extension point registered by a `plugin-v1.1` or `module-v1.1` record.
 *
 * **When to use**: authoring libraries build it from `registerExtensionPoint` calls; runtimes
 * call `factory` once for each module that consumes the extension point.
 *
 * **Details**: `registerExtensionPoint(ref, impl)` is recorded with a factory that returns
 * `impl`; the options form is recorded with the given factory, uncalled.
 *
 * @requirement FEAT-026
 * @requirement FEAT-042
 * @requirement FEAT-043
 * @requirement FEAT-055
 * @requirement FEAT-056
 * @requirement EXT-030
 * @requirement EXT-034
 * @see {@link PluginRegistration}
 * @see {@link ModuleRegistration}
 * @category wire-format
 * @since 0.1.0
 */
export interface ExtensionPointRegistration {
  /** The ref of the registered extension point. */
  extensionPoint: ExtensionPoint<unknown>;
  /** Builds the implementation handed to one consuming module. */
  factory: (context: ExtensionPointFactoryContext) => unknown;
}
