import type { ShutdownHookResult } from './ShutdownHookResult.js';

/**
 * One phase of a shutdown with its hooks.
 *
 * **When to use**: in the `phases` of a {@link ShutdownResult}.
 *
 * @requirement STOP-021
 * @see {@link ShutdownResult}
 * @category backend
 * @since 0.1.0
 */
export interface ShutdownPhaseResult {
  /** The phase: root before-shutdown hooks, plugin shutdown hooks, or root shutdown hooks. */
  phase: 'beforeShutdown' | 'pluginShutdown' | 'rootShutdown';
  /** When the phase began. */
  beginAt: Date;
  /** When the phase ended, by completing or by reaching its deadline. */
  endAt: Date;
  /** One entry per hook of the phase. */
  hooks: ShutdownHookResult[];
}
