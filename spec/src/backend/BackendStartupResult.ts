import type { PluginStartupResult } from './PluginStartupResult.js';
import type { StartupOutcome } from './StartupOutcome.js';
import type { StartupTimeline } from './StartupTimeline.js';

/**
 * What happened during `start()`: when it ran, whether it succeeded, and an entry per plugin.
 *
 * **When to use**: from the `result` of a resolved `start()`, or from the `result` of a
 * {@link BackendStartupError}.
 *
 * **Details**: `beginAt`, `resultAt`, `outcome` and `plugins` are Backstage's fields, so code
 * written against Backstage's result keeps working. `durationMs` and `timeline` are Openstage
 * additions that an Openstage runtime always sets; they are optional in the type so that
 * Backstage's results also fit it.
 *
 * @requirement BACK-020
 * @requirement BACK-041
 * @requirement BACK-042
 * @requirement BACK-043
 * @requirement BACK-047
 * @requirement INIT-145
 * @see {@link PluginStartupResult}
 * @see {@link StartupTimeline}
 * @category backend
 * @since 0.1.0
 */
export interface BackendStartupResult {
  /** When plugin initialization began. */
  beginAt: Date;
  /** When the last plugin result was recorded. */
  resultAt: Date;
  /** Milliseconds from `beginAt` to `resultAt`. */
  durationMs?: number;
  /** `'failure'` when a failure was recorded that is not allowed. */
  outcome: StartupOutcome;
  /** One entry per plugin. */
  plugins: PluginStartupResult[];
  /** The startup timeline as it was when `start()` settled. */
  timeline?: StartupTimeline;
}
