export { userInfoServiceFactory } from './userInfoServiceFactory.js';
export {
  DefaultUserInfoService,
  type DefaultUserInfoServiceOptions,
} from './DefaultUserInfoService.js';
export { UserInfoCache } from './UserInfoCache.js';
export { UserInfoServiceError, type UserInfoErrorCode } from './UserInfoServiceError.js';
