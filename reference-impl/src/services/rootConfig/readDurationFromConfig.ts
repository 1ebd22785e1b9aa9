import type { Config } from '@openstage/spec';
import { ConfigError } from './ConfigError.js';
import { fullConfigPath } from './ConfigReader.js';
import { durationToMilliseconds } from './durationToMilliseconds.js';

/**
 * Reads the duration at `key` of `config` and returns it in milliseconds (CONF-051).
 *
 * Accepts a non-negative number of milliseconds, a string such as `'5s'` or `'2 minutes'`, an
 * ISO 8601 string such as `'PT5S'`, or a mapping such as `{ minutes: 1, seconds: 30 }`.
 *
 * Throws `RCFG_MISSING_VALUE` when the value is absent (use
 * {@link readOptionalDurationFromConfig} for optional durations) and `CONF_INVALID_DURATION`,
 * naming the full config path, when it is not a valid duration (CONF-052).
 *
 * @example
 * ```ts
 * const timeout = readDurationFromConfig(config, 'backend.lifecycle.serverShutdownDelay');
 * ```
 */
export function readDurationFromConfig(config: Config, key: string): number {
  return toMilliseconds(config, key, config.get(key));
}

/**
 * Like {@link readDurationFromConfig}, but returns `undefined` when the value is absent.
 */
export function readOptionalDurationFromConfig(config: Config, key: string): number | undefined {
  const value = config.getOptional(key);
  return value === undefined ? undefined : toMilliseconds(config, key, value);
}

function toMilliseconds(config: Config, key: string, value: unknown): number {
  const result = durationToMilliseconds(value);
  if (!result.ok) {
    throw ConfigError.create('CONF_INVALID_DURATION', {
      configPath: fullConfigPath(config, key),
      reason: result.reason,
    });
  }
  return result.milliseconds;
}
