/**
 * The `pluginMetadata` service (`core.pluginMetadata`, plugin scope): facts about the plugin that
 * depends on it.
 *
 * **When to use**: in plugin-scoped service factories, to learn which plugin they are building
 * an instance for.
 *
 * **Details**: the runtime supplies it for every plugin; it cannot be replaced.
 *
 * @requirement PMETA-001
 * @requirement SVC-039
 * @requirement SVC-040
 * @requirement MOD-021
 * @category services
 * @since 0.1.0
 */
export interface PluginMetadataService {
  /**
   * The id of the plugin.
   *
   * @requirement PMETA-002
   * @requirement PMETA-003
   * @requirement PMETA-004
   * @requirement PMETA-005
   */
  getId: () => string;
}
