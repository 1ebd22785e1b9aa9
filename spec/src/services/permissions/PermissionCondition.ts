import type { PermissionRuleParams } from './PermissionRuleParams.js';

/**
 * One condition of a conditional decision: a named rule of a resource type with its parameters.
 *
 * **When to use**: inside the criteria of a {@link ConditionalPolicyDecision}.
 *
 * @see {@link PermissionCriteria}
 * @category services
 * @since 0.1.0
 */
export type PermissionCondition<
  TResourceType extends string = string,
  TParams extends PermissionRuleParams = PermissionRuleParams,
> = {
  /** The resource type the rule belongs to. */
  resourceType: TResourceType;
  /** The rule's name. */
  rule: string;
  /** The rule's parameters. */
  params?: TParams;
};
