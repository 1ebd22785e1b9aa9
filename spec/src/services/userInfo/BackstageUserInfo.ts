/**
 * What the `userInfo` service knows about a user.
 *
 * **When to use**: to decide what a user owns, for example in permission rules.
 *
 * @requirement UINFO-002
 * @requirement UINFO-003
 * @requirement UINFO-004
 * @see {@link UserInfoService}
 * @category services
 * @since 0.1.0
 */
export interface BackstageUserInfo {
  /** The full entity ref of the user. */
  userEntityRef: string;
  /** The entity refs the user claims ownership through: the user and, typically, its groups. */
  ownershipEntityRefs: string[];
}
