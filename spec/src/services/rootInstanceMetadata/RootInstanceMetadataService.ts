import type { RootInstanceMetadataServicePluginInfo } from './RootInstanceMetadataServicePluginInfo.js';

/**
 * The `rootInstanceMetadata` service (`core.rootInstanceMetadata`, root scope): what this
 * backend instance has installed.
 *
 * **When to use**: to list the plugins and modules of the running instance, for example in a
 * diagnostics endpoint.
 *
 * **Details**: the runtime supplies it while it starts. Modules whose plugin is not installed are
 * not listed.
 *
 * @requirement IMETA-001
 * @requirement BACK-037
 * @requirement BACK-038
 * @requirement BACK-039
 * @requirement BACK-040
 * @see {@link RootSystemMetadataService}
 * @category services
 * @since 0.1.0
 */
export interface RootInstanceMetadataService {
  /**
   * The installed plugins with their modules.
   *
   * @requirement IMETA-002
   * @requirement IMETA-003
   * @requirement IMETA-006
   * @requirement IMETA-007
   * @requirement IMETA-008
   * @requirement IMETA-009
   * @requirement IMETA-010
   */
  getInstalledPlugins: () => Promise<ReadonlyArray<RootInstanceMetadataServicePluginInfo>>;
}
