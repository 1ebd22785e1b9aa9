import type { ModuleStartupResult } from './ModuleStartupResult.js';
import type { StartupFailure } from './StartupFailure.js';
import type { StartupOutcome } from './StartupOutcome.js';

/**
 * What happened to one plugin, and to each of its modules, during startup.
 *
 * **When to use**: in the `plugins` of a {@link BackendStartupResult}.
 *
 * **Details**: `pluginId`, `resultAt`, `modules` and `failure` are Backstage's fields.
 * `beginAt`, `durationMs` and `outcome` are Openstage additions that an Openstage runtime always
 * sets; they are optional in the type so that Backstage's results also fit it.
 *
 * @requirement BACK-043
 * @requirement BACK-044
 * @requirement BACK-047
 * @requirement BACK-048
 * @requirement BACK-049
 * @see {@link BackendStartupResult}
 * @category backend
 * @since 0.1.0
 */
export interface PluginStartupResult {
  /** The plugin id. */
  pluginId: string;
  /** When the runtime began the plugin's pipeline. */
  beginAt?: Date;
  /** When the plugin's result was recorded. */
  resultAt: Date;
  /** Milliseconds from `beginAt` to `resultAt`. */
  durationMs?: number;
  /** `'failure'` when `failure` is present, `'success'` otherwise. */
  outcome?: StartupOutcome;
  /** One entry per module whose initialization was attempted or rejected. */
  modules: ModuleStartupResult[];
  /** Present exactly when the plugin itself failed. */
  failure?: StartupFailure;
}
