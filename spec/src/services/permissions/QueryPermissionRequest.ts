import type { ResourcePermission } from './ResourcePermission.js';

/**
 * One request for a decision that may be conditional: a resource permission without a resource.
 *
 * **When to use**: as an element of the array passed to `permissions.authorizeConditional`, when
 * the caller will apply conditions itself, for example in a database query.
 *
 * @see {@link PermissionsService}
 * @category services
 * @since 0.1.0
 */
export type QueryPermissionRequest = {
  /** The resource permission to check. */
  permission: ResourcePermission;
  /** Not used: conditional queries apply to every resource of the type. */
  resourceRef?: never;
};
