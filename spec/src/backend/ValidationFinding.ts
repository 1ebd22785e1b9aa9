import type { ErrorCode } from '../generated/ErrorCode.js';
import type { Culprit } from '../errors/Culprit.js';
import type { FindingSeverity } from './FindingSeverity.js';

/**
 * One problem found by preflight validation, in `validate()` or at the start of `start()`.
 *
 * **When to use**: read the findings of `validate()` in CI, or of an `INIT_PREFLIGHT_FAILED`
 * error, to fix a wiring before it is deployed.
 *
 * **Details**: every finding has a catalog `code`, a `severity`, a `message` and a `hint` that
 * says how to fix the problem, and carries the same culprit identifiers as the error raised for
 * the same condition. Preflight reports each problem once and reports all problems, not only the
 * first.
 *
 * @requirement BACK-061
 * @requirement BACK-062
 * @requirement BACK-069
 * @requirement BACK-070
 * @requirement INIT-112
 * @requirement INIT-113
 * @requirement INIT-114
 * @see {@link ValidationReport}
 * @see {@link Culprit}
 * @category backend
 * @since 0.1.0
 */
export interface ValidationFinding extends Culprit {
  /** The catalog code of the problem. */
  code: ErrorCode;
  /** Whether the problem prevents startup. */
  severity: FindingSeverity;
  /** A human-readable description that names the culprit. */
  message: string;
  /** How to fix the problem; never empty. */
  hint: string;
}
