import { luxonDuration } from '../../runtime/luxonDuration.js';
import type { TaskCadence } from './parseTaskSchedule.js';
import type { TaskSettingsV2 } from './TaskSettingsV2.js';

/**
 * The cadence of stored settings, which may have been written by another instance or by
 * Backstage; `undefined` when it cannot be read.
 */
export function cadenceFromSettings(settings: TaskSettingsV2): TaskCadence | undefined {
  if (settings.cadence === 'manual') return { kind: 'manual' };
  if (settings.cadence.startsWith('P')) {
    const duration = luxonDuration().fromISO(settings.cadence);
    return duration.isValid && duration.toMillis() > 0
      ? { kind: 'duration', milliseconds: duration.toMillis() }
      : undefined;
  }
  return { kind: 'cron', expression: settings.cadence };
}
