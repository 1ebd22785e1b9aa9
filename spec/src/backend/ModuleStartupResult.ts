import type { StartupFailure } from './StartupFailure.js';
import type { StartupOutcome } from './StartupOutcome.js';

/**
 * What happened to one module during startup.
 *
 * **When to use**: in the `modules` of a {@link PluginStartupResult}.
 *
 * **Details**: `moduleId`, `resultAt` and `failure` are Backstage's fields. `beginAt`,
 * `durationMs` and `outcome` are Openstage additions that an Openstage runtime always sets; they
 * are optional in the type so that Backstage's results also fit it.
 *
 * @requirement BACK-045
 * @requirement BACK-046
 * @requirement BACK-047
 * @requirement BACK-048
 * @requirement BACK-049
 * @see {@link PluginStartupResult}
 * @category backend
 * @since 0.1.0
 */
export interface ModuleStartupResult {
  /** The module id. */
  moduleId: string;
  /** When the runtime began resolving the module's dependencies. */
  beginAt?: Date;
  /** When the module's result was recorded. */
  resultAt: Date;
  /** Milliseconds from `beginAt` to `resultAt`. */
  durationMs?: number;
  /** `'failure'` when `failure` is present, `'success'` otherwise. */
  outcome?: StartupOutcome;
  /** Present exactly when the module failed. */
  failure?: StartupFailure;
}
