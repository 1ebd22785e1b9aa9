import type { ErrorCode } from '../generated/ErrorCode.js';
import type { Culprit } from './Culprit.js';

/**
 * The shape of every error that an Openstage implementation raises for a condition this
 * specification names: an `Error` with a catalog `code` and the identifiers of the culprit.
 *
 * **When to use**: catch errors and branch on `code`; the type parameter narrows the code, so a
 * `switch (error.code)` over `OpenstageError` narrows each branch.
 *
 * **Details**: `code` is one of the codes of the error catalog ({@link ErrorCode}). Codes are
 * stable and never reused; messages are free text. When the error wraps another one, such as
 * an error thrown by a plugin's `init`, the original is kept as `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await backend.start();
 * } catch (error) {
 *   const e = error as OpenstageError;
 *   if (e.code === 'INIT_PREFLIGHT_FAILED') {
 *     // inspect the findings
 *   }
 * }
 * ```
 *
 * @requirement BACK-050
 * @requirement INIT-006
 * @requirement CLS-034
 * @requirement CLS-035
 * @requirement CLS-036
 * @requirement CLS-037
 * @requirement CLS-038
 * @requirement CLS-040
 * @see {@link Culprit}
 * @see {@link ErrorCode}
 * @category errors
 * @since 0.1.0
 */
export interface OpenstageError<TCode extends ErrorCode = ErrorCode> extends Error, Culprit {
  /** The error's class name, such as `Error` or `BackendStartupError`. */
  name: string;
  /** A human-readable description that names the culprit. */
  message: string;
  /** The catalog code of the condition. */
  code: TCode;
  /** The error or value that caused this error, when it wraps one. */
  cause?: unknown;
}
