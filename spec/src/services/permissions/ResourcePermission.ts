import type { PermissionAttributes } from './PermissionAttributes.js';

/**
 * A permission that applies to resources of one type, such as "read a catalog entity".
 *
 * **When to use**: for actions whose authorization depends on the resource affected; checks name
 * the resource with a `resourceRef`, or ask for conditions.
 *
 * @see {@link Permission}
 * @category services
 * @since 0.1.0
 */
export type ResourcePermission<TResourceType extends string = string> = {
  /** The kind of permission. */
  type: 'resource';
  /** The permission's unique name. */
  name: string;
  /** Attributes that policies can match on. */
  attributes: PermissionAttributes;
  /** The type of resource the permission applies to, such as `catalog-entity`. */
  resourceType: TResourceType;
};
