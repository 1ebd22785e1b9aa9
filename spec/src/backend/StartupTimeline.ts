import type { StartupTimelineEntry } from './StartupTimelineEntry.js';

/**
 * A snapshot of a backend's startup timeline.
 *
 * **When to use**: returned by `getStartupTimeline()` and stored in the startup result, to see
 * what started when, how long it took, and what a pending step waits on.
 *
 * @requirement INIT-140
 * @requirement INIT-145
 * @see {@link StartupTimelineEntry}
 * @category backend
 * @since 0.1.0
 */
export interface StartupTimeline {
  /** The entries; empty before `start()` or `validate()` is called. */
  entries: StartupTimelineEntry[];
}
