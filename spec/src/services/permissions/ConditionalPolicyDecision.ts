import type { PermissionCondition } from './PermissionCondition.js';
import type { PermissionCriteria } from './PermissionCriteria.js';

/**
 * A decision that allows the action only for resources that satisfy the given conditions.
 *
 * **When to use**: returned by `permissions.authorizeConditional`; the plugin that owns the
 * resource type applies the conditions.
 *
 * @requirement PERM-007
 * @requirement PERM-008
 * @requirement PERM-009
 * @see {@link PolicyDecision}
 * @category services
 * @since 0.1.0
 */
export type ConditionalPolicyDecision = {
  /** Always `'CONDITIONAL'`. */
  result: 'CONDITIONAL';
  /** The id of the plugin that owns the resource type and knows the rules. */
  pluginId: string;
  /** The resource type the conditions apply to. */
  resourceType: string;
  /** The conditions, combined with `allOf`, `anyOf` and `not`. */
  conditions: PermissionCriteria<PermissionCondition>;
};
