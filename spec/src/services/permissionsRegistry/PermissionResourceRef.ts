/**
 * A typed reference to a resource type of one plugin, used to register the type's rules and to
 * look them up.
 *
 * **When to use**: with `permissionsRegistry.addResourceType` and `getPermissionRuleset`.
 *
 * **Details**: the same shape as `PermissionResourceRef` of
 * `@backstage/plugin-permission-node`. `TQuery` and `TResource` carry types for the compiler
 * only.
 *
 * @see {@link PermissionsRegistryService}
 * @category services
 * @since 0.1.0
 */
export type PermissionResourceRef<
  TResource = unknown,
  TQuery = unknown,
  TResourceType extends string = string,
  TPluginId extends string = string,
> = {
  /** The tag `'@backstage/PermissionResourceRef'`. */
  readonly $$type: '@backstage/PermissionResourceRef';
  /** The id of the plugin that owns the resource type. */
  readonly pluginId: TPluginId;
  /** The resource type, such as `catalog-entity`. */
  readonly resourceType: TResourceType;
  /** Carries the query type for the compiler only. */
  readonly TQuery: TQuery;
  /** Carries the resource type for the compiler only. */
  readonly TResource: TResource;
};
