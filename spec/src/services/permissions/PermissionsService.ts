import type { AuthorizePermissionRequest } from './AuthorizePermissionRequest.js';
import type { AuthorizePermissionResponse } from './AuthorizePermissionResponse.js';
import type { PermissionsServiceRequestOptions } from './PermissionsServiceRequestOptions.js';
import type { QueryPermissionRequest } from './QueryPermissionRequest.js';
import type { QueryPermissionResponse } from './QueryPermissionResponse.js';

/**
 * The `permissions` service (`core.permissions`, plugin scope): asks the permission policy
 * whether a principal may perform actions.
 *
 * **When to use**: in route handlers and services, before performing an action guarded by a
 * permission.
 *
 * **Details**: both checks answer with an array that has one decision per request, in the same
 * order. The shapes of requests and decisions are structurally those of
 * `@backstage/plugin-permission-common`.
 *
 * @requirement PERM-001
 * @requirement PERM-011
 * @requirement PERM-012
 * @see {@link AuthorizePermissionRequest}
 * @see {@link QueryPermissionRequest}
 * @category services
 * @since 0.1.0
 */
export interface PermissionsService {
  /**
   * Definitive decisions for basic permissions and for resource permissions with a resource.
   *
   * @requirement PERM-002
   * @requirement PERM-003
   * @requirement PERM-004
   */
  authorize: (
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ) => Promise<AuthorizePermissionResponse[]>;
  /**
   * Definitive or conditional decisions for resource permissions, without a resource.
   *
   * @requirement PERM-005
   * @requirement PERM-006
   * @requirement PERM-007
   * @requirement PERM-008
   * @requirement PERM-009
   */
  authorizeConditional: (
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ) => Promise<QueryPermissionResponse[]>;
}
