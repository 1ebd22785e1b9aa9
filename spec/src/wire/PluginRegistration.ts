import type { ConnectionRegistration } from './ConnectionRegistration.js';
import type { ExtensionPointRegistration } from './ExtensionPointRegistration.js';
import type { InitRegistration } from './InitRegistration.js';
import type { ServiceRef } from './ServiceRef.js';

/**
 * The registration record of a plugin, `type: 'plugin-v1.1'`.
 *
 * **When to use**: the single record that a plugin feature's `getRegistrations()` returns.
 *
 * **Details**: authoring libraries always include `connections`; runtimes accept records without
 * it, because records built before connections existed lack it.
 *
 * @requirement FEAT-024
 * @requirement FEAT-037
 * @requirement FEAT-039
 * @requirement FEAT-041
 * @requirement FEAT-051
 * @requirement PLUG-002
 * @see {@link FeatureRegistration}
 * @see {@link RegistrationsFeature}
 * @category wire-format
 * @since 0.1.0
 */
export interface PluginRegistration {
  /** The record type {@link PLUGIN_REGISTRATION_TYPE}. */
  type: 'plugin-v1.1';
  /** The plugin id. */
  pluginId: string;
  /** The extension points the plugin registered. */
  extensionPoints: ExtensionPointRegistration[];
  /** The connections the plugin declared. */
  connections?: ConnectionRegistration[];
  /** The plugin's `init` and its service dependencies. */
  init: InitRegistration<ServiceRef<unknown>>;
}
