import type { ErrorCode } from '../generated/ErrorCode.js';
import type { BackendStartupResult } from './BackendStartupResult.js';

/**
 * The error `start()` rejects with when plugins or modules failed in a way the failure policy
 * does not allow.
 *
 * **When to use**: catch it around `start()` and read `result` to see every plugin's and
 * module's outcome.
 *
 * **Details**: its `name` is `'BackendStartupError'` and its message lists each failure that is
 * not allowed, one per line. An Openstage runtime also sets a catalog `code`; the property is
 * optional in the type so that Backstage's `BackendStartupError` fits it too.
 *
 * @requirement BACK-022
 * @requirement BACK-051
 * @requirement BACK-052
 * @requirement BACK-053
 * @requirement BACK-054
 * @see {@link BackendStartupResult}
 * @category backend
 * @since 0.1.0
 */
export interface BackendStartupError extends Error {
  /** Always `'BackendStartupError'`. */
  name: 'BackendStartupError';
  /** The catalog code of the failure. */
  code?: ErrorCode;
  /** The complete startup result. */
  readonly result: BackendStartupResult;
}
