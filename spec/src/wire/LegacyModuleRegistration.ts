import type { InitRegistration } from './InitRegistration.js';
import type { LegacyExtensionPointRegistration } from './LegacyExtensionPointRegistration.js';

/**
 * The legacy registration record of a module, `type: 'module'`.
 *
 * **When to use**: only in runtimes, which still accept it from features built by old authoring
 * libraries.
 *
 * **Details**: differs from {@link ModuleRegistration} in its `extensionPoints`, which are
 * `[ref, implementation]` tuples, and in having no `connections`.
 *
 * @requirement FEAT-037
 * @requirement FEAT-044
 * @requirement FEAT-045
 * @see {@link ModuleRegistration}
 * @category wire-format
 * @since 0.1.0
 */
export interface LegacyModuleRegistration {
  /** The record type {@link LEGACY_MODULE_REGISTRATION_TYPE}. */
  type: 'module';
  /** The id of the plugin this module extends. */
  pluginId: string;
  /** The module id. */
  moduleId: string;
  /** The extension points the module registered, as tuples. */
  extensionPoints: LegacyExtensionPointRegistration[];
  /** The module's `init` and its dependencies. */
  init: InitRegistration;
}
