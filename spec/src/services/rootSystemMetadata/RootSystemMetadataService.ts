import type { RootSystemMetadataServicePluginInfo } from './RootSystemMetadataServicePluginInfo.js';

/**
 * The `rootSystemMetadata` service (`core.rootSystemMetadata`, root scope): the plugins of the
 * whole system, across split deployments.
 *
 * **When to use**: to learn which plugins exist anywhere in the system, not only in this
 * instance.
 *
 * **Details**: covers this instance's plugins and those that configuration places in other
 * deployments.
 *
 * @requirement SMETA-001
 * @requirement SMETA-005
 * @see {@link RootInstanceMetadataService}
 * @category services
 * @since 0.1.0
 */
export interface RootSystemMetadataService {
  /**
   * The plugins known to the system.
   *
   * @requirement SMETA-002
   * @requirement SMETA-003
   * @requirement SMETA-004
   */
  getInstalledPlugins: () => Promise<ReadonlyArray<RootSystemMetadataServicePluginInfo>>;
}
