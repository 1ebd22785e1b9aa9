import { luxonDuration } from './luxonDuration.js';
import ms from 'ms';

const UNIT_KEYS = new Set([
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'seconds',
  'milliseconds',
]);

/**
 * Reads a configuration duration as CONF-051 defines it: a non-negative number
 * of milliseconds, a number with a unit (`'5s'`, `'2 minutes'`), an ISO 8601
 * duration (`'PT5S'`) or a mapping of unit keys. Returns milliseconds, or
 * `undefined` for anything CONF-052 rejects.
 *
 * Local until rootConfig exports its `readDurationFromConfig`.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    // A bare number in a string is ambiguous (seconds? ms?), so CONF-052 rejects it.
    if (text === '' || /^-?\d+(\.\d+)?$/.test(text)) return undefined;
    if (/^-?P/i.test(text)) {
      const duration = luxonDuration().fromISO(text);
      return duration.isValid && duration.toMillis() >= 0 ? duration.toMillis() : undefined;
    }
    const parsed = ms(text as ms.StringValue) as number | undefined;
    return typeof parsed === 'number' && Number.isFinite(parsed) && parsed >= 0
      ? parsed
      : undefined;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (
      entries.length === 0 ||
      entries.some(
        ([key, n]) => !UNIT_KEYS.has(key) || typeof n !== 'number' || !Number.isFinite(n),
      )
    ) {
      return undefined;
    }
    const total = luxonDuration()
      .fromObject(Object.fromEntries(entries) as Record<string, number>)
      .toMillis();
    return total >= 0 ? total : undefined;
  }
  return undefined;
}
