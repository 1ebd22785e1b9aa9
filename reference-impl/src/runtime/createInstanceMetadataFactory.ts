import type { InternalServiceFactory } from '../wireFormat/types.js';
import type { WiringModel } from './WiringModel.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) if (!Object.isFrozen(v)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The runtime's own `core.rootInstanceMetadata` (BACK-037 to BACK-040):
 * plugins with exactly one registration and their modules, deep-frozen.
 */
export function createInstanceMetadataFactory(
  model: WiringModel,
  duplicated: ReadonlySet<string>,
): InternalServiceFactory {
  const installed = [...model.plugins.keys()]
    .filter((pluginId) => !duplicated.has(pluginId))
    .map((pluginId) => ({
      pluginId,
      modules: [...(model.modules.get(pluginId)?.keys() ?? [])].map((moduleId) => ({ moduleId })),
    }));
  const frozen = deepFreeze(installed);
  return {
    $$type: '@backstage/BackendFeature',
    version: 'v1',
    featureType: 'service',
    service: { id: 'core.rootInstanceMetadata', scope: 'root' },
    deps: {},
    factory: async () => ({ getInstalledPlugins: () => Promise.resolve(frozen) }),
  };
}
