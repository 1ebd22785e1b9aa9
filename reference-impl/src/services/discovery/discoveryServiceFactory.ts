import type { Config, LoggerService } from '@openstage/spec';
import type { OpaqueService } from '../../authoring/coreServiceTypes.js';
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
        logger: logger as LoggerService,
      }),
    // coreServices.discovery is typed opaque in the authoring API; the instance is a DiscoveryService.
    factory: (_deps, discovery) => discovery as unknown as OpaqueService,
  });
}

/** The default `core.discovery` factory (DISC-001). */
export const discoveryServiceFactory = createDiscoveryServiceFactory();
