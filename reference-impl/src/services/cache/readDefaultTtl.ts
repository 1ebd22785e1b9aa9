import type { Config } from '@openstage/spec';
import { Duration } from 'luxon';
import ms from 'ms';
import { CacheError } from './CacheError.js';
import { ttlToMilliseconds } from './ttlToMilliseconds.js';

const CONFIG_PATH = 'backend.cache.defaultTtl';

/**
 * Reads `backend.cache.defaultTtl` (CACHE-044, CACHE-052): milliseconds, a duration object, an
 * ISO 8601 duration (`PT5M`) or a duration string such as `5m` or `1 hour`. A bare number in a
 * string has no unit and is rejected. Undefined when the key is unset.
 */
export function readDefaultTtl(config: Config): number | undefined {
  const value = config.getOptional<unknown>(CONFIG_PATH);
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    return ttlToMilliseconds(value, CONFIG_PATH, { configPath: CONFIG_PATH });
  const text = value.trim();
  let parsed: number | undefined;
  if (/^P/i.test(text)) {
    const iso = Duration.fromISO(text.toUpperCase());
    // Luxon's default "casual" conversion uses 30-day months and 365-day years, as CACHE-042 does.
    parsed = iso.isValid ? iso.toMillis() : undefined;
  } else if (!/^[-+]?\d*\.?\d+$/.test(text)) {
    parsed = ms(text as ms.StringValue) as number | undefined;
  }
  if (parsed === undefined || Number.isNaN(parsed)) {
    throw new CacheError(
      'CACHE_INVALID_TTL',
      `Invalid ${CONFIG_PATH} ${JSON.stringify(value)}: not an ISO 8601 duration or a duration such as '5m' or '1 hour'`,
      { configPath: CONFIG_PATH },
    );
  }
  return ttlToMilliseconds(parsed, CONFIG_PATH, { configPath: CONFIG_PATH });
}
