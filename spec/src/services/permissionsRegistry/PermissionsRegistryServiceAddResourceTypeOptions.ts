import type { Permission } from '../permissions/Permission.js';
import type { PermissionResourceRef } from './PermissionResourceRef.js';
import type { PermissionRule } from './PermissionRule.js';

// Keeps a type parameter from being inferred from this position. Written as a conditional type
// rather than with the built-in `NoInfer`, because Backstage's type uses this form and the
// compiler relates the two forms to each other only when they have the same shape.
type NotInferred<T> = T extends infer S ? S : never;

/**
 * Options of `permissionsRegistry.addResourceType`: a resource type of the plugin with its
 * permissions, rules and resource loader.
 *
 * **When to use**: once per resource type a plugin owns.
 *
 * **Details**: the type parameters are inferred from `resourceRef` alone. Rules may take any
 * parameters, which is why their parameter type is `any`. The other type parameters are not
 * inferred from `rules` and `getResources`, only checked against them.
 *
 * @requirement PREG-004
 * @see {@link PermissionsRegistryService}
 * @category services
 * @since 0.1.0
 */
export type PermissionsRegistryServiceAddResourceTypeOptions<
  TResourceType extends string,
  TResource,
  TQuery,
> = {
  /** The resource type. */
  resourceRef: PermissionResourceRef<TResource, TQuery, TResourceType>;
  /** The permissions that apply to the resource type. */
  permissions?: Array<Permission>;
  /** The rules of the resource type. */
  rules: PermissionRule<
    NotInferred<TResource>,
    NotInferred<TQuery>,
    NotInferred<TResourceType>,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own parameter type; parameters are contravariant, so no type but any accepts them all
    any
  >[];
  /**
   * Loads resources by ref, so that conditional decisions can be evaluated for resources the
   * caller does not hold. Without it, conditions are only resolved for resources the plugin
   * passes itself.
   */
  getResources?: (resourceRefs: string[]) => Promise<Array<NotInferred<TResource> | undefined>>;
};
