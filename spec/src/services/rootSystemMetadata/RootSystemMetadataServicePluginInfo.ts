/**
 * A plugin known to the system, in this instance or another deployment.
 *
 * **When to use**: as the element type of `rootSystemMetadata.getInstalledPlugins()`.
 *
 * @requirement SMETA-002
 * @requirement SMETA-004
 * @requirement SMETA-005
 * @see {@link RootSystemMetadataService}
 * @category services
 * @since 0.1.0
 */
export interface RootSystemMetadataServicePluginInfo {
  /** The plugin id. */
  readonly pluginId: string;
}
