/**
 * What happened to one lifecycle hook during `stop()`.
 *
 * **When to use**: in the `hooks` of a {@link ShutdownPhaseResult}, to find hooks that failed or
 * did not finish in time.
 *
 * **Details**: the entry is final once its phase has ended, even if the hook settles later.
 *
 * @requirement STOP-022
 * @requirement STOP-023
 * @requirement STOP-024
 * @requirement STOP-025
 * @see {@link ShutdownPhaseResult}
 * @category backend
 * @since 0.1.0
 */
export interface ShutdownHookResult {
  /** The plugin that added the hook; absent for a root hook. */
  pluginId?: string;
  /** The hook function's name, when it has a non-empty one. */
  name?: string;
  /** Whether the hook settled successfully, failed, or outlived its phase's deadline. */
  outcome: 'success' | 'failure' | 'timeout';
  /** How long the hook took; only when it settled before the deadline. */
  durationMs?: number;
  /** For a failure or a timeout: an error with code `LIFE_HOOK_FAILED` or `LIFE_SHUTDOWN_PHASE_TIMEOUT`. */
  error?: Error;
}
