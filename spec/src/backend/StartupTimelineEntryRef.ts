import type { StartupTimelineEntryKind } from './StartupTimelineEntryKind.js';

/**
 * Identifies one entry of a startup timeline by its kind and identifiers.
 *
 * **When to use**: in `waitingOn`, and in the wait chain of a pending report, to point at
 * another entry.
 *
 * @requirement INIT-143
 * @requirement INIT-148
 * @requirement INIT-149
 * @see {@link StartupTimelineEntry}
 * @category backend
 * @since 0.1.0
 */
export interface StartupTimelineEntryRef {
  /** The kind of the referenced entry. */
  kind: StartupTimelineEntryKind;
  /** The plugin id, for plugin-related entries. */
  pluginId?: string;
  /** The module id, for module entries. */
  moduleId?: string;
  /** The service id, for service entries. */
  serviceId?: string;
  /** The loader description, for feature loader entries. */
  loader?: string;
}
