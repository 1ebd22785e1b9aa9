import type { PermissionCriteria } from './PermissionCriteria.js';

/**
 * Criteria that hold when at least one of a non-empty list of criteria holds.
 *
 * **When to use**: inside {@link PermissionCriteria}.
 *
 * @see {@link PermissionCriteria}
 * @category services
 * @since 0.1.0
 */
export type AnyOfCriteria<TQuery> = {
  /** The criteria of which at least one must hold. */
  anyOf: [PermissionCriteria<TQuery>, ...PermissionCriteria<TQuery>[]];
};
