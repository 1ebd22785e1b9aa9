/**
 * A decision that allows or denies outright.
 *
 * **When to use**: the result of `permissions.authorize`, and one case of a conditional query.
 *
 * @requirement PERM-004
 * @see {@link PolicyDecision}
 * @category services
 * @since 0.1.0
 */
export type DefinitivePolicyDecision = {
  /** Allowed or denied. */
  result: 'ALLOW' | 'DENY';
};
