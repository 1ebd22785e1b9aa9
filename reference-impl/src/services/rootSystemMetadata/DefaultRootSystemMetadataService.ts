import type {
  Config,
  RootInstanceMetadataService,
  RootSystemMetadataService,
  RootSystemMetadataServicePluginInfo,
} from '@openstage/spec';

/**
 * The default root system metadata: the plugins `discovery.endpoints` routes to, then the
 * plugins of this instance (SMETA-010 to SMETA-015). Configuration is read on every call, so a
 * change the root config announces shows up in the next answer without a subscription.
 */
export class DefaultRootSystemMetadataService implements RootSystemMetadataService {
  readonly #config: Pick<Config, 'getOptional'>;
  readonly #instance: Pick<RootInstanceMetadataService, 'getInstalledPlugins'>;

  constructor(
    config: Pick<Config, 'getOptional'>,
    instance: Pick<RootInstanceMetadataService, 'getInstalledPlugins'>,
  ) {
    this.#config = config;
    this.#instance = instance;
  }

  async getInstalledPlugins(): Promise<ReadonlyArray<RootSystemMetadataServicePluginInfo>> {
    const ids = new Set<string>();
    const endpoints = this.#config.getOptional('discovery.endpoints');
    if (Array.isArray(endpoints)) {
      for (const entry of endpoints) {
        const plugins =
          typeof entry === 'object' && entry !== null && !Array.isArray(entry)
            ? entry['plugins']
            : undefined;
        if (!Array.isArray(plugins)) continue;
        for (const pluginId of plugins) {
          // SMETA-012: '*' names no plugin.
          if (typeof pluginId === 'string' && pluginId !== '*') ids.add(pluginId);
        }
      }
    }
    for (const { pluginId } of await this.#instance.getInstalledPlugins()) ids.add(pluginId);
    return [...ids].map((pluginId) => ({ pluginId }));
  }
}
