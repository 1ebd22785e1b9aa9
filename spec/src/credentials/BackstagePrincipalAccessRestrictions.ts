/**
 * Restrictions on what a service principal may do, typically configured for an external access
 * token.
 *
 * **When to use**: when a permission check or plugin decides whether a service principal may
 * perform an action.
 *
 * **Details**: the restrictions apply only where permission checks are made. Each property, when
 * present, is non-empty.
 *
 * @requirement FEAT-111
 * @see {@link BackstageServicePrincipal}
 * @category credentials
 * @since 0.1.0
 */
export type BackstagePrincipalAccessRestrictions = {
  /** The only permission names the principal may be authorized for. */
  permissionNames?: string[];
  /** The only permission attributes the principal may be authorized for. */
  permissionAttributes?: {
    /** The permission actions allowed. */
    action?: Array<'create' | 'read' | 'update' | 'delete'>;
  };
};
