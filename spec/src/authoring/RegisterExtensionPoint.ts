import type { ExtensionPoint } from '../wire/ExtensionPoint.js';
import type { RegisterExtensionPointOptions } from './RegisterExtensionPointOptions.js';

/**
 * Registers the implementation of an extension point, either as one shared object or through a
 * factory called once per consuming module.
 *
 * **When to use**: inside `register`, before `registerInit`, in a plugin or in a module that
 * offers an extension point to other modules of the same plugin.
 *
 * **Details**: the two overloads of Backstage's `registerExtensionPoint`. Calling it after
 * `registerInit` throws.
 *
 * @example
 * ```ts
 * reg.registerExtensionPoint(todoProcessingExtensionPoint, { addProcessor: p => processors.push(p) });
 * reg.registerExtensionPoint({
 *   extensionPoint: todoProcessingExtensionPoint,
 *   factory: () => ({ addProcessor: p => processors.push(p) }),
 * });
 * ```
 *
 * @requirement FEAT-055
 * @requirement FEAT-056
 * @requirement FEAT-057
 * @requirement EXT-010
 * @requirement EXT-034
 * @requirement PLUG-005
 * @see {@link BackendPluginRegistrationPoints}
 * @category authoring
 * @since 0.1.0
 */
export type RegisterExtensionPoint = {
  <TExtensionPoint>(ref: ExtensionPoint<TExtensionPoint>, impl: TExtensionPoint): void;
  <TExtensionPoint>(options: RegisterExtensionPointOptions<TExtensionPoint>): void;
};
