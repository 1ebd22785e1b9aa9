import type { Permission } from '../permissions/Permission.js';
import type { PermissionResourceRef } from './PermissionResourceRef.js';
import type { PermissionRule } from './PermissionRule.js';
import type { PermissionRuleset } from './PermissionRuleset.js';
import type { PermissionsRegistryServiceAddResourceTypeOptions } from './PermissionsRegistryServiceAddResourceTypeOptions.js';

/**
 * The `permissionsRegistry` service (`core.permissionsRegistry`, plugin scope): the permissions,
 * resource types and rules a plugin makes known to the permission framework.
 *
 * **When to use**: during a plugin's `init`, to register what its policies can refer to.
 *
 * **Details**: registrations are accepted until the plugin has started. A resource type can only
 * be registered by the plugin named in its resource ref.
 *
 * @requirement PREG-001
 * @requirement PREG-012
 * @requirement PREG-017
 * @requirement PREG-018
 * @see {@link PermissionRule}
 * @see {@link PermissionResourceRef}
 * @category services
 * @since 0.1.0
 */
export interface PermissionsRegistryService {
  /**
   * Registers permissions of the plugin.
   *
   * @requirement PREG-002
   * @requirement PREG-010
   * @requirement PREG-016
   */
  addPermissions: (permissions: Permission[]) => void;
  /**
   * Registers rules for resource types of the plugin.
   *
   * @requirement PREG-003
   * @requirement PREG-011
   * @requirement PREG-015
   */
  addPermissionRules: (
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rules for any resource, query and parameter types; those types are contravariant in a rule, so nothing narrower than any accepts them all
    rules: PermissionRule<any, any, string, any>[],
  ) => void;
  /**
   * Registers a resource type with its permissions, rules and resource loader.
   *
   * @requirement PREG-004
   * @requirement PREG-007
   * @requirement PREG-009
   * @requirement PREG-014
   * @requirement PREG-015
   */
  addResourceType: <const TResourceType extends string, TResource, TQuery>(
    options: PermissionsRegistryServiceAddResourceTypeOptions<TResourceType, TResource, TQuery>,
  ) => void;
  /**
   * The rules registered for a resource type.
   *
   * @requirement PREG-005
   * @requirement PREG-008
   * @requirement PREG-013
   */
  getPermissionRuleset: <TResourceType extends string, TResource, TQuery>(
    resourceRef: PermissionResourceRef<TResource, TQuery, TResourceType>,
  ) => PermissionRuleset<TResource, TQuery, TResourceType>;
}
