import type { DiscoveryService } from '@openstage/spec';
import type { OpaqueService } from '../../authoring/coreServiceTypes.js';
import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { DefaultUserInfoService } from './DefaultUserInfoService.js';
import { UserInfoCache } from './UserInfoCache.js';

/** The default `core.userInfo` factory (UINFO-001); one result cache for all plugins (UINFO-018). */
export const userInfoServiceFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: { discovery: coreServices.discovery },
  createRootContext: () => new UserInfoCache(),
  factory: ({ discovery }, cache) =>
    // The authoring API types these refs opaquely; the instances implement the spec interfaces.
    new DefaultUserInfoService({ discovery: discovery as unknown as DiscoveryService, cache }) as unknown as OpaqueService,
});
