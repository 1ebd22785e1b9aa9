import type { Config } from '@openstage/spec';
import { DefaultRootLogger } from './DefaultRootLogger.js';
import { readRootLoggerOptions, type RootLoggerEnv } from './readRootLoggerOptions.js';

/** Options of {@link createRootLoggerFromConfig}. */
export interface CreateRootLoggerFromConfigOptions {
  /** The secrets of a configuration (CONF-067), such as `rootConfig`'s `collectSecrets`. */
  secrets?: (config: Config) => Iterable<unknown>;
  /** The environment; `process.env` when omitted. */
  env?: RootLoggerEnv;
  /** Where lines go; standard output when omitted. */
  write?: (line: string) => void;
  /** The clock for timestamps. */
  now?: () => Date;
}

/**
 * Builds the default root logger from `rootConfig` and keeps it in step with configuration
 * changes: new overrides from the next entry on (LOG-032, keeping the old ones and logging
 * the error when the new ones are invalid, LOG-033) and the secrets of the new configuration
 * on top of the old ones (LOG-039, LOG-040).
 */
export function createRootLoggerFromConfig(
  config: Config,
  options: CreateRootLoggerFromConfigOptions = {},
): DefaultRootLogger {
  const logger = DefaultRootLogger.create({
    ...readRootLoggerOptions(config, options.env),
    ...(options.write ? { write: options.write } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const collect = options.secrets;
  if (collect) logger.addRedactions(collect(config));
  config.subscribe?.(() => {
    // Secrets first, so that an error logged below cannot leak one of the new values.
    if (collect) {
      try {
        logger.addRedactions(collect(config));
      } catch (error) {
        logger.error('Failed to collect the secrets of the changed configuration', toError(error));
      }
    }
    logger.setRedactAllowlist(
      (config.getOptional<unknown[]>('backend.logger.redactAllowlist') ?? []).filter(
        (v): v is string => typeof v === 'string',
      ),
    );
    try {
      logger.setLevelOverrides(config.getOptional('backend.logger.overrides'));
    } catch (error) {
      logger.error(
        'Ignoring the changed backend.logger.overrides, keeping the previous ones',
        toError(error),
      );
    }
  });
  return logger;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
