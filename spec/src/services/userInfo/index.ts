export type { BackstageUserInfo } from './BackstageUserInfo.js';
export type { UserInfoService } from './UserInfoService.js';
