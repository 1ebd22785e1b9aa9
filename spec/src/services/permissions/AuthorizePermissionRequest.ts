import type { BasicPermission } from './BasicPermission.js';
import type { ResourcePermission } from './ResourcePermission.js';

/**
 * One request for a definitive decision: a basic permission, or a resource permission together
 * with the ref of the resource.
 *
 * **When to use**: as an element of the array passed to `permissions.authorize`.
 *
 * @requirement PERM-010
 * @see {@link PermissionsService}
 * @category services
 * @since 0.1.0
 */
export type AuthorizePermissionRequest =
  | {
      /** The basic permission to check. */
      permission: BasicPermission;
      /** Not used for basic permissions. */
      resourceRef?: never;
    }
  | {
      /** The resource permission to check. */
      permission: ResourcePermission;
      /** The ref of the resource the action affects. */
      resourceRef: string;
    };
