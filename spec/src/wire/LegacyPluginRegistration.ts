import type { InitRegistration } from './InitRegistration.js';
import type { LegacyExtensionPointRegistration } from './LegacyExtensionPointRegistration.js';
import type { ServiceRef } from './ServiceRef.js';

/**
 * The legacy registration record of a plugin, `type: 'plugin'`.
 *
 * **When to use**: only in runtimes, which still accept it from features built by old authoring
 * libraries.
 *
 * **Details**: differs from {@link PluginRegistration} in its `extensionPoints`, which are
 * `[ref, implementation]` tuples, and in having no `connections`.
 *
 * @requirement FEAT-037
 * @requirement FEAT-044
 * @requirement FEAT-045
 * @see {@link PluginRegistration}
 * @category wire-format
 * @since 0.1.0
 */
export interface LegacyPluginRegistration {
  /** The record type {@link LEGACY_PLUGIN_REGISTRATION_TYPE}. */
  type: 'plugin';
  /** The plugin id. */
  pluginId: string;
  /** The extension points the plugin registered, as tuples. */
  extensionPoints: LegacyExtensionPointRegistration[];
  /** The plugin's `init` and its service dependencies. */
  init: InitRegistration<ServiceRef<unknown>>;
}
