import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { DefaultUserInfoService } from './DefaultUserInfoService.js';
import { UserInfoCache } from './UserInfoCache.js';

/** The default `core.userInfo` factory (UINFO-001); one result cache for all plugins (UINFO-018). */
export const userInfoServiceFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: { discovery: coreServices.discovery },
  createRootContext: () => new UserInfoCache(),
  factory: ({ discovery }, cache) => new DefaultUserInfoService({ discovery, cache }),
});
