import type { ConnectionRegistration } from './ConnectionRegistration.js';
import type { ExtensionPointRegistration } from './ExtensionPointRegistration.js';
import type { InitRegistration } from './InitRegistration.js';

/**
 * The registration record of a module, `type: 'module-v1.1'`.
 *
 * **When to use**: the single record that a module feature's `getRegistrations()` returns.
 *
 * **Details**: `pluginId` names the plugin the module extends. Runtimes accept records without
 * `connections`.
 *
 * @requirement FEAT-025
 * @requirement FEAT-037
 * @requirement FEAT-039
 * @requirement FEAT-040
 * @requirement FEAT-041
 * @requirement FEAT-051
 * @requirement MOD-002
 * @see {@link FeatureRegistration}
 * @see {@link RegistrationsFeature}
 * @category wire-format
 * @since 0.1.0
 */
export interface ModuleRegistration {
  /** The record type {@link MODULE_REGISTRATION_TYPE}. */
  type: 'module-v1.1';
  /** The id of the plugin this module extends. */
  pluginId: string;
  /** The module id, unique among the modules of that plugin. */
  moduleId: string;
  /** The extension points the module registered. */
  extensionPoints: ExtensionPointRegistration[];
  /** The connections the module declared. */
  connections?: ConnectionRegistration[];
  /** The module's `init` and its service and extension point dependencies. */
  init: InitRegistration;
}
