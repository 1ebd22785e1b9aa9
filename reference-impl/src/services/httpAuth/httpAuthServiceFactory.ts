import type { AuthService, DiscoveryService } from '@openstage/spec';
import type { OpaqueService } from '../../authoring/coreServiceTypes.js';
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
    // The authoring API types these refs opaquely; the instances implement the spec interfaces.
    new DefaultHttpAuthService({
      auth: auth as unknown as AuthService,
      discovery: discovery as unknown as DiscoveryService,
      pluginId: pluginMetadata.getId(),
    }) as unknown as OpaqueService,
});
