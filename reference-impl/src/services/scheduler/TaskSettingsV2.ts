/**
 * The settings stored for a task and listed in its descriptor (SCHED-101 to SCHED-104), in the
 * shape Backstage stores in `settings_json`, so both can read each other's rows (SCHED-060).
 */
export interface TaskSettingsV2 {
  readonly version: 2;
  /** A cron expression, `manual`, or an ISO 8601 duration. */
  readonly cadence: string;
  /** ISO 8601 duration. */
  readonly timeoutAfterDuration: string;
  /** ISO 8601 duration; absent without an initial delay. */
  readonly initialDelayDuration?: string;
}

/** Reads settings written by this or another implementation; `undefined` when unreadable. */
export function parseStoredSettings(json: unknown): TaskSettingsV2 | undefined {
  if (typeof json !== 'string') return undefined;
  try {
    const value = JSON.parse(json) as Partial<TaskSettingsV2> | null;
    if (value === null || typeof value !== 'object') return undefined;
    if (
      value.version !== 2 ||
      typeof value.cadence !== 'string' ||
      typeof value.timeoutAfterDuration !== 'string'
    ) {
      return undefined;
    }
    return value as TaskSettingsV2;
  } catch {
    return undefined;
  }
}
