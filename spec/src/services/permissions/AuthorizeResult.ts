/**
 * The outcome of a permission check: `'ALLOW'`, `'DENY'`, or `'CONDITIONAL'` (allowed for the
 * resources that match the returned conditions).
 *
 * **When to use**: when reading the `result` of a decision returned by the `permissions` service.
 *
 * **Details**: the same strings as the values of Backstage's `AuthorizeResult` object; this
 * specification defines only the type.
 *
 * @requirement PERM-004
 * @requirement PERM-007
 * @see {@link PolicyDecision}
 * @category services
 * @since 0.1.0
 */
export type AuthorizeResult = 'ALLOW' | 'DENY' | 'CONDITIONAL';
