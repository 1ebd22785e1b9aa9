/**
 * The kind of work a startup timeline entry stands for.
 *
 * **When to use**: to filter or label timeline entries.
 *
 * @requirement INIT-141
 * @requirement INIT-142
 * @see {@link StartupTimelineEntry}
 * @category backend
 * @since 0.1.0
 */
export type StartupTimelineEntryKind =
  | 'featureLoader'
  | 'rootService'
  | 'pluginService'
  | 'module'
  | 'plugin'
  | 'pluginStartupHooks'
  | 'rootStartupHooks';
