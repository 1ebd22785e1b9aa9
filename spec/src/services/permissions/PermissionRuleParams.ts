import type { PermissionRuleParam } from './PermissionRuleParam.js';

/**
 * The parameters of a permission rule, by name, or `undefined` for a rule without parameters.
 *
 * **When to use**: as the type of a condition's `params` and of a rule's parameters.
 *
 * @see {@link PermissionCondition}
 * @category services
 * @since 0.1.0
 */
export type PermissionRuleParams = undefined | Record<string, PermissionRuleParam>;
