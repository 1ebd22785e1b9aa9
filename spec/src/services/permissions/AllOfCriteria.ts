import type { PermissionCriteria } from './PermissionCriteria.js';

/**
 * Criteria that hold when every one of a non-empty list of criteria holds.
 *
 * **When to use**: inside {@link PermissionCriteria}.
 *
 * @see {@link PermissionCriteria}
 * @category services
 * @since 0.1.0
 */
export type AllOfCriteria<TQuery> = {
  /** The criteria that must all hold. */
  allOf: [PermissionCriteria<TQuery>, ...PermissionCriteria<TQuery>[]];
};
