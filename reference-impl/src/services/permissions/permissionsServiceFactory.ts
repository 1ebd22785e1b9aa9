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
  factory: ({ config, discovery, auth }) =>
    DefaultPermissionsService.fromConfig(config, { discovery, auth }),
});
