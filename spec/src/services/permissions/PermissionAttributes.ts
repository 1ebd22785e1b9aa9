/**
 * Attributes of a permission that policies can match on without knowing the permission.
 *
 * **When to use**: when defining a permission, to say what kind of action it guards.
 *
 * @see {@link Permission}
 * @category services
 * @since 0.1.0
 */
export type PermissionAttributes = {
  /** The kind of action the permission guards. */
  action?: 'create' | 'read' | 'update' | 'delete';
};
