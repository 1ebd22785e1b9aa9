import type { BackendModuleRegistrationPoints } from './BackendModuleRegistrationPoints.js';

/**
 * The options of `createBackendModule`.
 *
 * **When to use**: to define a module that extends one plugin.
 *
 * @requirement FEAT-028
 * @requirement FEAT-029
 * @requirement MOD-002
 * @requirement NAME-004
 * @see {@link CreateBackendModule}
 * @category authoring
 * @since 0.1.0
 */
export interface CreateBackendModuleOptions {
  /** The id of the plugin the module extends. */
  pluginId: string;
  /** The module id, unique among that plugin's modules; should match {@link ID_PATTERN}. */
  moduleId: string;
  /** Declares the module's extension points, connections and `init`. */
  register: (reg: BackendModuleRegistrationPoints) => void;
}
