import type { PermissionRule } from './PermissionRule.js';

/**
 * The rules registered for one resource type, looked up by name.
 *
 * **When to use**: returned by `permissionsRegistry.getPermissionRuleset`, to apply conditional
 * decisions.
 *
 * @requirement PREG-005
 * @requirement PREG-006
 * @see {@link PermissionsRegistryService}
 * @category services
 * @since 0.1.0
 */
export type PermissionRuleset<
  TResource = unknown,
  TQuery = unknown,
  TResourceType extends string = string,
> = {
  /** The rule named `name`; throws when there is none. */
  getRuleByName: (name: string) => PermissionRule<TResource, TQuery, TResourceType>;
};
