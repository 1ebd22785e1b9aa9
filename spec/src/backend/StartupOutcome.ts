/**
 * Whether a startup, or one plugin or module of it, succeeded.
 *
 * **When to use**: in the `outcome` of a startup result and of its entries.
 *
 * **Details**: the startup outcome is `'failure'` exactly when a failure was recorded that the
 * failure policy does not allow. An entry's outcome is `'failure'` whenever it has a failure,
 * allowed or not.
 *
 * @requirement BACK-042
 * @requirement BACK-049
 * @see {@link BackendStartupResult}
 * @category backend
 * @since 0.1.0
 */
export type StartupOutcome = 'success' | 'failure';
