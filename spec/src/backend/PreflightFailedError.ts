import type { OpenstageError } from '../errors/OpenstageError.js';
import type { ValidationFinding } from './ValidationFinding.js';

/**
 * The error `start()` rejects with when preflight validation finds a problem that stops the
 * backend from starting.
 *
 * **When to use**: catch it around `start()` and read `findings`; nothing was started.
 *
 * @requirement INIT-104
 * @requirement INIT-109
 * @requirement INIT-110
 * @see {@link ValidationFinding}
 * @category backend
 * @since 0.1.0
 */
export interface PreflightFailedError extends OpenstageError {
  /** Every finding of the validation, of both severities, in the order of `validate()`. */
  findings: ValidationFinding[];
}
