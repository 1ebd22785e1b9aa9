import type { AllOfCriteria } from './AllOfCriteria.js';
import type { AnyOfCriteria } from './AnyOfCriteria.js';
import type { NotCriteria } from './NotCriteria.js';

/**
 * A boolean combination of queries: a single query, or `allOf`, `anyOf` or `not` of criteria.
 *
 * **When to use**: for the conditions of a conditional decision (with
 * {@link PermissionCondition} as the query) and for what permission rules translate them to.
 *
 * @requirement PERM-008
 * @see {@link ConditionalPolicyDecision}
 * @category services
 * @since 0.1.0
 */
export type PermissionCriteria<TQuery> =
  AllOfCriteria<TQuery> | AnyOfCriteria<TQuery> | NotCriteria<TQuery> | TQuery;
