import type { PermissionCriteria } from './PermissionCriteria.js';

/**
 * Criteria that hold when the inner criteria do not.
 *
 * **When to use**: inside {@link PermissionCriteria}.
 *
 * @see {@link PermissionCriteria}
 * @category services
 * @since 0.1.0
 */
export type NotCriteria<TQuery> = {
  /** The criteria that must not hold. */
  not: PermissionCriteria<TQuery>;
};
