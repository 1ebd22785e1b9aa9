import type { ConfigSubscription, JsonObject, MockRootConfigService } from '@openstage/spec';
import { ConfigReader, type ConfigSnapshot } from '../services/rootConfig/ConfigReader.js';

/**
 * The fake of `mockServices.rootConfig` (TEST-071, TEST-072): a real config reader over `data`
 * whose `update({ data })` replaces the whole configuration and notifies every subscriber.
 */
export function createMockRootConfig(options: { data?: JsonObject } = {}): MockRootConfigService {
  let snapshot: ConfigSnapshot = toSnapshot(options.data ?? {});
  const listeners = new Set<() => void>();
  const reader = new ConfigReader({
    current: () => snapshot,
    subscribe: (onChange: () => void): ConfigSubscription => {
      listeners.add(onChange);
      return { unsubscribe: () => listeners.delete(onChange) };
    },
  });
  const update = ({ data }: { data: JsonObject }): void => {
    snapshot = toSnapshot(data);
    for (const listener of [...listeners]) listener();
  };
  return Object.assign(reader, { update }) as MockRootConfigService;
}

function toSnapshot(data: JsonObject): ConfigSnapshot {
  return { data, sources: [{ name: 'mock-config', data }] };
}
