import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';

/** The default `core.userInfo` factory (UINFO-001); one result cache for all plugins (UINFO-018). */
export const userInfoServiceFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: { discovery: coreServices.discovery },
  // The implementation loads when a plugin first asks for user info, not with the package.
  createRootContext: async () => {
    const { UserInfoCache } = await import('./UserInfoCache.js');
    return new UserInfoCache();
  },
  factory: async ({ discovery }, cache) => {
    const { DefaultUserInfoService } = await import('./DefaultUserInfoService.js');
    return new DefaultUserInfoService({ discovery, cache });
  },
});
