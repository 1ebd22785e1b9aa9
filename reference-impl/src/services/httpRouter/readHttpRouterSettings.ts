import type { LoggerService } from '@openstage/spec';
import { type ConfigReader, readDuration } from '../rootHttpRouter/index.js';

/** The backend-wide settings of every plugin router, read once per backend. */
export interface HttpRouterSettings {
  startupRequestPauseTimeoutMs: number;
  disableDefaultAuthPolicy: boolean;
  /**
   * Whether `backend.rateLimit.plugin` may hold a plugin's limit. When it plainly reads as absent,
   * no plugin has one, and a backend with many plugins skips a config read per plugin.
   */
  perPluginRateLimits: boolean;
}

/**
 * Reads `backend.lifecycle.startupRequestPauseTimeout` (default 5 seconds, HTTP-017) and
 * `backend.auth.dangerouslyDisableDefaultAuthPolicy`, warning about the latter (HTTP-030).
 */
export function readHttpRouterSettings(
  config: ConfigReader,
  logger: LoggerService,
): HttpRouterSettings {
  const configPath = 'backend.lifecycle.startupRequestPauseTimeout';
  const pause = config.getOptional(configPath);
  let startupRequestPauseTimeoutMs = 5000;
  if (pause !== undefined && pause !== null) {
    // A bad value is a ConfigError naming configPath (HTTP-017, CONF-052).
    startupRequestPauseTimeoutMs = readDuration(pause, configPath);
  }
  const disableDefaultAuthPolicy =
    config.getOptional('backend.auth.dangerouslyDisableDefaultAuthPolicy') === true;
  if (disableDefaultAuthPolicy) {
    logger.warn(
      'backend.auth.dangerouslyDisableDefaultAuthPolicy is true: every plugin route accepts requests without credentials',
    );
  }
  return {
    startupRequestPauseTimeoutMs,
    disableDefaultAuthPolicy,
    perPluginRateLimits: mayHoldPluginRateLimits(config),
  };
}

/** Anything but a clean `undefined` leaves the per-plugin read, and its errors, as they were. */
function mayHoldPluginRateLimits(config: ConfigReader): boolean {
  try {
    return config.getOptional('backend.rateLimit.plugin') !== undefined;
  } catch {
    return true;
  }
}
