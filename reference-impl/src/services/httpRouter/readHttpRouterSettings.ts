import type { LoggerService } from '@openstage/spec';
import { type ConfigReader, readDuration, isRootHttpRouterError } from '../rootHttpRouter/index.js';
import { HttpRouterError } from './HttpRouterError.js';

/** The backend-wide settings of every plugin router, read once per backend. */
export interface HttpRouterSettings {
  startupRequestPauseTimeoutMs: number;
  disableDefaultAuthPolicy: boolean;
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
    try {
      startupRequestPauseTimeoutMs = readDuration(pause, configPath);
    } catch (error) {
      if (!isRootHttpRouterError(error, 'CONF_INVALID_DURATION')) throw error;
      throw new HttpRouterError(
        'CONF_INVALID_DURATION',
        error.message.replace(/ \[CONF_INVALID_DURATION, [^\]]+\]$/, ''),
        {
          configPath,
          cause: error,
        },
      );
    }
  }
  const disableDefaultAuthPolicy =
    config.getOptional('backend.auth.dangerouslyDisableDefaultAuthPolicy') === true;
  if (disableDefaultAuthPolicy) {
    logger.warn(
      'backend.auth.dangerouslyDisableDefaultAuthPolicy is true: every plugin route accepts requests without credentials',
    );
  }
  return { startupRequestPauseTimeoutMs, disableDefaultAuthPolicy };
}
