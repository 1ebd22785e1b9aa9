/**
 * How serious a validation finding is: `'error'` prevents startup, `'warning'` does not.
 *
 * **When to use**: in the `severity` of a {@link ValidationFinding}.
 *
 * @requirement BACK-061
 * @requirement INIT-111
 * @see {@link ValidationFinding}
 * @category backend
 * @since 0.1.0
 */
export type FindingSeverity = 'error' | 'warning';
