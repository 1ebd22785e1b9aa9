import type { PermissionCriteria } from '../permissions/PermissionCriteria.js';
import type { PermissionRuleParams } from '../permissions/PermissionRuleParams.js';

/**
 * A named rule of a resource type that decides, for given parameters, whether a resource
 * matches, both in memory (`apply`) and as a query (`toQuery`).
 *
 * **When to use**: register rules with `permissionsRegistry.addPermissionRules` or
 * `addResourceType`; policies refer to them by name in conditional decisions.
 *
 * **Details**: structurally compatible with `PermissionRule` of
 * `@backstage/plugin-permission-node`. A rule may also carry a `paramsSchema` describing its
 * parameters; its format belongs to the permission framework and is not fixed here.
 *
 * @see {@link PermissionsRegistryService}
 * @see {@link PermissionRuleset}
 * @category services
 * @since 0.1.0
 */
export type PermissionRule<
  TResource,
  TQuery,
  TResourceType extends string,
  TParams extends PermissionRuleParams = PermissionRuleParams,
> = {
  /** The rule's name, unique within its resource type. */
  name: string;
  /** What the rule checks, for humans. */
  description: string;
  /** The resource type the rule applies to. */
  resourceType: TResourceType;
  /** Whether `resource` satisfies the rule with `params`. */
  apply: (resource: TResource, params: TParams) => boolean;
  /** The rule with `params` as criteria over the plugin's query type. */
  toQuery: (params: TParams) => PermissionCriteria<TQuery>;
};
