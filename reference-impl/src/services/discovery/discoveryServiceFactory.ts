import type { Config } from '@openstage/spec';
import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { HostDiscovery, type HostDiscoveryOptions } from './HostDiscovery.js';

/**
 * Creates a `core.discovery` factory. One {@link HostDiscovery} serves every plugin, because
 * the answers do not depend on the caller (DISC-007).
 */
export function createDiscoveryServiceFactory(options: Omit<HostDiscoveryOptions, 'logger'> = {}) {
  return createServiceFactory({
    service: coreServices.discovery,
    deps: { config: coreServices.rootConfig, logger: coreServices.rootLogger },
    // The authoring API types rootConfig loosely; its instances implement the spec's Config.
    createRootContext: ({ config, logger }) =>
      HostDiscovery.fromConfig(config as unknown as Config, {
        ...options,
        logger,
      }),
    factory: (_deps, discovery) => discovery,
  });
}

/** The default `core.discovery` factory (DISC-001). */
export const discoveryServiceFactory = createDiscoveryServiceFactory();
