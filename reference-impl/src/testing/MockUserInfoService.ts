import type { BackstageCredentials, BackstageUserInfo, UserInfoService } from '@openstage/spec';
import { UserInfoServiceError } from '../services/userInfo/UserInfoServiceError.js';

/**
 * The fake `userInfo` service (TEST-078): a user's info is its entity ref and, unless `info`
 * says otherwise, ownership of that ref alone.
 */
export class MockUserInfoService implements UserInfoService {
  readonly #info: Partial<BackstageUserInfo>;

  constructor(info: Partial<BackstageUserInfo> = {}) {
    this.#info = info;
  }

  async getUserInfo(credentials: BackstageCredentials): Promise<BackstageUserInfo> {
    const principal = credentials.principal as
      { type?: unknown; userEntityRef?: unknown } | undefined;
    if (principal?.type !== 'user' || typeof principal.userEntityRef !== 'string') {
      // The same refusal as the default service (UINFO-005).
      throw new UserInfoServiceError('UINFO_NOT_USER', { received: String(principal?.type) });
    }
    const userEntityRef = principal.userEntityRef;
    return { userEntityRef, ownershipEntityRefs: [userEntityRef], ...this.#info };
  }
}
