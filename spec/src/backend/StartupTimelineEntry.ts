import type { StartupTimelineEntryRef } from './StartupTimelineEntryRef.js';

/**
 * One unit of startup work with its timing, outcome and, while pending, what it waits on.
 *
 * **When to use**: when diagnosing a slow or stuck startup.
 *
 * **Details**: there is one entry per feature loader run, root service instantiation,
 * plugin-scoped service instantiation per plugin, module `init`, plugin `init`, each plugin's
 * startup hooks together, and the root startup hooks together. Work the runtime decided not to
 * do is `'skipped'`.
 *
 * @requirement INIT-141
 * @requirement INIT-142
 * @requirement INIT-143
 * @requirement INIT-144
 * @see {@link StartupTimeline}
 * @category backend
 * @since 0.1.0
 */
export interface StartupTimelineEntry extends StartupTimelineEntryRef {
  /** When the work began; absent for work that never began. */
  beginAt?: Date;
  /** When the work ended; absent while pending. */
  endAt?: Date;
  /** The state of the work. */
  outcome: 'pending' | 'success' | 'failure' | 'skipped';
  /**
   * While pending: the entries whose completion this one awaits, or an empty array while its own
   * factory, `init` or hooks run.
   */
  waitingOn?: StartupTimelineEntryRef[];
}
