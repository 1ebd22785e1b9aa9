import { durationToMilliseconds } from '../rootConfig/index.js';
import { RootHttpRouterError } from './RootHttpRouterError.js';

/**
 * Reads a duration (CONF-051) as milliseconds, with the one duration parser rootConfig owns, and
 * reports a bad value as this service's error so callers can keep matching `isRootHttpRouterError`.
 *
 * @throws RootHttpRouterError `CONF_INVALID_DURATION` naming `configPath` (CONF-052).
 */
export function readDuration(value: unknown, configPath: string): number {
  const result = durationToMilliseconds(value);
  if (!result.ok) {
    throw new RootHttpRouterError(
      'CONF_INVALID_DURATION',
      `Invalid duration at ${configPath}: ${result.reason}; use a number of milliseconds, a string such as '30s' or 'PT30S', or a mapping such as { seconds: 30 }`,
      { configPath },
    );
  }
  return result.milliseconds;
}
