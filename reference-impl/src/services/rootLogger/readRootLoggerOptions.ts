import type { Config, JsonObject } from '@openstage/spec';
import type { DefaultRootLoggerOptions } from './DefaultRootLogger.js';
import { compileLevelOverrides } from './LevelOverrides.js';
import { isLogLevel, type LogLevel } from './LogLevel.js';
import { RootLoggerError, describeValue } from './rootLoggerErrors.js';

/** The environment variables the default root logger reads. */
export interface RootLoggerEnv {
  LOG_LEVEL?: string | undefined;
  NODE_ENV?: string | undefined;
}

function readLevel(config: Pick<Config, 'getOptional'>, env: RootLoggerEnv): LogLevel {
  const fromEnv = env.LOG_LEVEL;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isLogLevel(fromEnv)) {
      throw new RootLoggerError('LOG_INVALID_LEVEL', {
        configPath: 'LOG_LEVEL (environment variable)',
        value: describeValue(fromEnv),
      });
    }
    return fromEnv;
  }
  const fromConfig = config.getOptional('backend.logger.level');
  if (fromConfig === undefined) return 'info';
  if (!isLogLevel(fromConfig)) {
    throw new RootLoggerError('LOG_INVALID_LEVEL', {
      configPath: 'backend.logger.level',
      value: describeValue(fromConfig),
    });
  }
  return fromConfig;
}

function readStrings(config: Pick<Config, 'getOptional'>, key: string): string[] {
  const value = config.getOptional(key);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Reads the options of the default root logger from configuration and the environment
 * (LOG-014 to LOG-017, LOG-019, LOG-021, LOG-023, LOG-030, LOG-031, LOG-041).
 *
 * @throws RootLoggerError naming `LOG_LEVEL`, `backend.logger.level` or
 *   `backend.logger.overrides[<index>]...`.
 */
export function readRootLoggerOptions(
  config: Pick<Config, 'getOptional'>,
  env: RootLoggerEnv = process.env,
): Required<
  Pick<DefaultRootLoggerOptions, 'level' | 'meta' | 'format' | 'overrides' | 'redactAllowlist'>
> {
  const meta = config.getOptional('backend.logger.meta');
  return {
    level: readLevel(config, env),
    meta: {
      service: 'backstage',
      ...(typeof meta === 'object' && meta !== null && !Array.isArray(meta)
        ? (meta as JsonObject)
        : {}),
    },
    format: env.NODE_ENV === 'production' ? 'json' : 'text',
    overrides: compileLevelOverrides(config.getOptional('backend.logger.overrides')),
    redactAllowlist: readStrings(config, 'backend.logger.redactAllowlist'),
  };
}
