import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';

/** The default `core.permissions` factory (PERM-001). */
export const permissionsServiceFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {
    config: coreServices.rootConfig,
    discovery: coreServices.discovery,
    auth: coreServices.auth,
  },
  // The implementation loads when a plugin first asks for permissions, not with the package.
  factory: async ({ config, discovery, auth }) => {
    const { DefaultPermissionsService } = await import('./DefaultPermissionsService.js');
    return DefaultPermissionsService.fromConfig(config, { discovery, auth });
  },
});
