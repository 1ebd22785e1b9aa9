import type { Config } from '@openstage/spec';
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
  // The authoring ref types rootConfig as the runtime's narrow view; the instance is a Config.
  factory: ({ config, discovery, auth }) =>
    DefaultPermissionsService.fromConfig(config as unknown as Config, { discovery, auth }),
});
