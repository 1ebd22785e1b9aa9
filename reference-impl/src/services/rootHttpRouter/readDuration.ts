import { Duration } from 'luxon';
import ms from 'ms';
import { RootHttpRouterError } from './RootHttpRouterError.js';

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
 * Reads a duration (CONF-051) as milliseconds: a non-negative number of milliseconds, a number
 * with a unit (`5s`, `2 minutes`), an ISO 8601 duration (`PT5S`) or a mapping of unit keys.
 *
 * @throws RootHttpRouterError `CONF_INVALID_DURATION` naming `configPath` (CONF-052).
 */
export function readDuration(value: unknown, configPath: string): number {
  const millis = toMillis(value);
  if (millis === undefined || !Number.isFinite(millis) || millis < 0) {
    throw new RootHttpRouterError(
      'CONF_INVALID_DURATION',
      `Invalid duration at ${configPath}: ${JSON.stringify(value)}; use a number of milliseconds, a string such as '30s' or 'PT30S', or a mapping such as { seconds: 30 }`,
      { configPath },
    );
  }
  return millis;
}

function toMillis(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^P/i.test(text)) {
      const iso = Duration.fromISO(text.toUpperCase());
      return iso.isValid ? iso.toMillis() : undefined;
    }
    // A bare number is ambiguous as a string (CONF-052): it needs a unit.
    if (!/^-?\d*\.?\d+\s*[a-z]+$/i.test(text)) return undefined;
    const parsed = ms(text as ms.StringValue);
    return typeof parsed === 'number' ? parsed : undefined;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return undefined;
    for (const [key, amount] of entries) {
      if (!UNIT_KEYS.has(key) || typeof amount !== 'number' || !Number.isFinite(amount))
        return undefined;
    }
    return Duration.fromObject(value as Record<string, number>).toMillis();
  }
  return undefined;
}
