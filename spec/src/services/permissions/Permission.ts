import type { BasicPermission } from './BasicPermission.js';
import type { ResourcePermission } from './ResourcePermission.js';

/**
 * Any permission: basic or resource-bound.
 *
 * **When to use**: wherever both kinds are accepted, such as `permissionsRegistry.addPermissions`.
 *
 * @see {@link BasicPermission}
 * @see {@link ResourcePermission}
 * @category services
 * @since 0.1.0
 */
export type Permission = BasicPermission | ResourcePermission;
