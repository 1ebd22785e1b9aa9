import type { ValidationFinding } from './ValidationFinding.js';

/**
 * What `validate()` resolves to: every preflight finding, and whether any is an error.
 *
 * **When to use**: in a CI check that fails when a backend's wiring is broken.
 *
 * **Details**: findings come in a stable order, so the same features, configuration and
 * environment give the same report.
 *
 * @requirement BACK-060
 * @requirement BACK-063
 * @requirement BACK-071
 * @requirement BACK-072
 * @see {@link ValidationFinding}
 * @category backend
 * @since 0.1.0
 */
export interface ValidationReport {
  /** `true` exactly when no finding has severity `'error'`. */
  ok: boolean;
  /** Every finding, errors and warnings. */
  findings: ValidationFinding[];
}
