import type { ShutdownPhaseResult } from './ShutdownPhaseResult.js';

/**
 * What `stop()` resolves to: when shutdown ran and what each phase and hook did.
 *
 * **When to use**: after `stop()`, to log or assert on hooks that failed or timed out.
 *
 * **Details**: every call of `stop()` on one backend resolves to the same result; `phases` is
 * empty when no phase ran, for example for a backend that was never started. Backstage's
 * `stop()` resolves to `undefined`; code that ignores the value works with both.
 *
 * @requirement STOP-020
 * @requirement STOP-021
 * @requirement STOP-026
 * @requirement STOP-027
 * @see {@link ShutdownPhaseResult}
 * @category backend
 * @since 0.1.0
 */
export interface ShutdownResult {
  /** When shutdown began. */
  beginAt: Date;
  /** When the last phase ended. */
  endAt: Date;
  /** The phases that ran, in order. */
  phases: ShutdownPhaseResult[];
}
