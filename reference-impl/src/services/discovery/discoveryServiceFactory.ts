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
    createRootContext: ({ config, logger }) =>
      HostDiscovery.fromConfig(config, {
        ...options,
        logger,
      }),
    factory: (_deps, discovery) => discovery,
  });
}

/** The default `core.discovery` factory (DISC-001). */
export const discoveryServiceFactory = createDiscoveryServiceFactory();
