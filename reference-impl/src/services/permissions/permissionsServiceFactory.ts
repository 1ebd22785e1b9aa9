import type { AuthService, Config, DiscoveryService } from '@openstage/spec';
import type { OpaqueService } from '../../authoring/coreServiceTypes.js';
import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { DefaultPermissionsService } from './DefaultPermissionsService.js';

/** The default `core.permissions` factory (PERM-001). */
export const permissionsServiceFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {
    config: coreServices.rootConfig,
    discovery: coreServices.discovery,
    auth: coreServices.auth,
  },
  // The authoring API types these services loosely; the instances implement the spec's interfaces.
  factory: ({ config, discovery, auth }) =>
    DefaultPermissionsService.fromConfig(config as unknown as Config, {
      discovery: discovery as unknown as DiscoveryService,
      auth: auth as unknown as AuthService,
    }) as unknown as OpaqueService,
});
