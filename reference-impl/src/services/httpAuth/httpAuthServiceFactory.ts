import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { DefaultHttpAuthService } from './DefaultHttpAuthService.js';

/** The default `core.httpAuth` factory (HAUTH-001): one service per plugin over its `auth`. */
export const httpAuthServiceFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: {
    auth: coreServices.auth,
    discovery: coreServices.discovery,
    pluginMetadata: coreServices.pluginMetadata,
  },
  factory: ({ auth, discovery, pluginMetadata }) =>
    new DefaultHttpAuthService({ auth, discovery, pluginId: pluginMetadata.getId() }),
});
