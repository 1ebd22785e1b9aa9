import type { Config } from '@openstage/spec';
import { durationToMilliseconds } from '../rootConfig/index.js';
import { CacheError } from './CacheError.js';
import { ttlToMilliseconds } from './ttlToMilliseconds.js';

const CONFIG_PATH = 'backend.cache.defaultTtl';

/**
 * Reads `backend.cache.defaultTtl` (CACHE-044, CACHE-052): milliseconds, a duration object, an
 * ISO 8601 duration (`PT5M`) or a duration string such as `5m` or `1 hour`, parsed by rootConfig's
 * duration reader; the cache's own rule (more than zero) is applied on top. Undefined when unset.
 */
export function readDefaultTtl(config: Config): number | undefined {
  const value = config.getOptional<unknown>(CONFIG_PATH);
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    return ttlToMilliseconds(value, CONFIG_PATH, { configPath: CONFIG_PATH });
  const parsed = durationToMilliseconds(value);
  if (!parsed.ok) {
    throw new CacheError('CACHE_INVALID_TTL', {
      configPath: CONFIG_PATH,
      where: CONFIG_PATH,
      received: JSON.stringify(value),
      reason: parsed.reason,
    });
  }
  return ttlToMilliseconds(parsed.milliseconds, CONFIG_PATH, { configPath: CONFIG_PATH });
}
