import type { TimelineEntrySnapshot } from './StartupTimeline.js';

/** A failure recorded for a plugin or module, and whether policy allowed it. */
export interface StartupFailure {
  error: Error;
  allowed: boolean;
}

/** The outcome of one module. A superset of Backstage's `ModuleStartupResult`. */
export interface ModuleStartupResult {
  moduleId: string;
  /** When the module's init began (absent if it never began). */
  beginAt?: Date;
  resultAt: Date;
  durationMs?: number;
  failure?: StartupFailure;
}

/** The outcome of one plugin and its modules. A superset of Backstage's `PluginStartupResult`. */
export interface PluginStartupResult {
  pluginId: string;
  beginAt?: Date;
  resultAt: Date;
  durationMs?: number;
  modules: ModuleStartupResult[];
  failure?: StartupFailure;
}

/** What `start()` reports. A superset of Backstage's `BackendStartupResult`. */
export interface BackendStartupResult {
  beginAt: Date;
  resultAt: Date;
  durationMs: number;
  outcome: 'success' | 'failure';
  plugins: PluginStartupResult[];
  /** Snapshot of the startup timeline when `start()` settled (INIT-145). */
  timeline?: TimelineEntrySnapshot[];
}
