import type { BackstageCredentials } from '../../credentials/BackstageCredentials.js';
import type { BackstageUserInfo } from './BackstageUserInfo.js';

/**
 * The `userInfo` service (`core.userInfo`, plugin scope): details of the user behind user
 * credentials.
 *
 * **When to use**: after `httpAuth.credentials(req, { allow: ['user'] })`, to learn the
 * ownership refs of the user.
 *
 * **Details**: only user credentials are supported; other principals are refused.
 *
 * @requirement UINFO-001
 * @requirement UINFO-007
 * @see {@link BackstageUserInfo}
 * @category services
 * @since 0.1.0
 */
export interface UserInfoService {
  /**
   * The information about the user that `credentials` stand for.
   *
   * @requirement UINFO-002
   * @requirement UINFO-003
   * @requirement UINFO-004
   * @requirement UINFO-005
   * @requirement UINFO-006
   */
  getUserInfo: (credentials: BackstageCredentials) => Promise<BackstageUserInfo>;
}
