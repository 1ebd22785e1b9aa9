import { ConfigError, durationToMilliseconds } from '../rootConfig/index.js';

/**
 * Reads a duration (CONF-051) as milliseconds, with the one duration parser rootConfig owns, and
 * reports a bad value with the accepted forms.
 *
 * @throws ConfigError `CONF_INVALID_DURATION` naming `configPath` (CONF-052).
 */
export function readDuration(value: unknown, configPath: string): number {
  const result = durationToMilliseconds(value);
  if (!result.ok) {
    throw ConfigError.create('CONF_INVALID_DURATION', {
      configPath,
      reason: `${result.reason}; use a number of milliseconds, a string such as '30s' or 'PT30S', or a mapping such as { seconds: 30 }`,
    });
  }
  return result.milliseconds;
}
