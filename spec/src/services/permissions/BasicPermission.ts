import type { PermissionAttributes } from './PermissionAttributes.js';

/**
 * A permission that is not tied to a resource, such as "create a component".
 *
 * **When to use**: for actions whose authorization does not depend on which resource is
 * affected.
 *
 * @see {@link Permission}
 * @category services
 * @since 0.1.0
 */
export type BasicPermission = {
  /** The kind of permission. */
  type: 'basic';
  /** The permission's unique name, such as `catalog.entity.create`. */
  name: string;
  /** Attributes that policies can match on. */
  attributes: PermissionAttributes;
};
