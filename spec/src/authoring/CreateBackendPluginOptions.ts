import type { BackendPluginRegistrationPoints } from './BackendPluginRegistrationPoints.js';

/**
 * The options of `createBackendPlugin`.
 *
 * **When to use**: to define a plugin.
 *
 * **Details**: `register` is not called by `createBackendPlugin` but later, each time the
 * runtime asks the feature for its registrations.
 *
 * @requirement FEAT-028
 * @requirement FEAT-029
 * @requirement PLUG-001
 * @requirement PLUG-006
 * @requirement PLUG-027
 * @see {@link CreateBackendPlugin}
 * @category authoring
 * @since 0.1.0
 */
export interface CreateBackendPluginOptions {
  /** The plugin id; should match {@link ID_PATTERN}. */
  pluginId: string;
  /** Declares the plugin's extension points, connections and `init`. */
  register: (reg: BackendPluginRegistrationPoints) => void;
}
