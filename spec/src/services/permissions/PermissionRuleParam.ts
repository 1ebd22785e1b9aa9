import type { JsonPrimitive } from '../../json/JsonPrimitive.js';

/**
 * One parameter value of a permission rule: a JSON primitive, an array of them, or `undefined`.
 *
 * **When to use**: in the parameters of permission conditions and rules.
 *
 * @see {@link PermissionRuleParams}
 * @category services
 * @since 0.1.0
 */
export type PermissionRuleParam = undefined | JsonPrimitive | JsonPrimitive[];
