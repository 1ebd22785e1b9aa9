import type * as Spec from '@openstage/spec';
import type { StartupTimelineSnapshot } from './StartupTimeline.js';

/** A failure recorded for a plugin or module, and whether policy allowed it. */
export type StartupFailure = Spec.StartupFailure;

/**
 * The outcome of one module: the spec's type, with the fields this runtime
 * always sets made required (BACK-046, BACK-047, BACK-049).
 */
export interface ModuleStartupResult extends Spec.ModuleStartupResult {
  /** When the runtime began resolving the module's dependencies (BACK-046). */
  beginAt: Date;
  durationMs: number;
  outcome: Spec.StartupOutcome;
}

/** The outcome of one plugin and its modules (BACK-044, BACK-047, BACK-049). */
export interface PluginStartupResult extends Spec.PluginStartupResult {
  beginAt: Date;
  durationMs: number;
  outcome: Spec.StartupOutcome;
  modules: ModuleStartupResult[];
}

/** What `start()` reports (BACK-041 to BACK-047). */
export interface BackendStartupResult extends Spec.BackendStartupResult {
  durationMs: number;
  plugins: PluginStartupResult[];
  /** Snapshot of the startup timeline when `start()` settled (INIT-145). */
  timeline?: StartupTimelineSnapshot;
}
