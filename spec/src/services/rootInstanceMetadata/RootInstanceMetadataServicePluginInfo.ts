/**
 * A plugin installed in this backend instance, with its modules.
 *
 * **When to use**: as the element type of `rootInstanceMetadata.getInstalledPlugins()`.
 *
 * @requirement IMETA-003
 * @requirement IMETA-009
 * @see {@link RootInstanceMetadataService}
 * @category services
 * @since 0.1.0
 */
export interface RootInstanceMetadataServicePluginInfo {
  /** The plugin id. */
  readonly pluginId: string;
  /** The plugin's installed modules. */
  readonly modules: ReadonlyArray<{
    /** The module id. */
    moduleId: string;
  }>;
}
