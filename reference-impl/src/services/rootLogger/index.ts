export { ConsoleLogger, type LogRecord } from './ConsoleLogger.js';
export { DefaultRootLogger, type DefaultRootLoggerOptions } from './DefaultRootLogger.js';
export { StructuredLogger } from './StructuredLogger.js';
export { compileLevelOverrides, levelFor, type LevelOverride } from './LevelOverrides.js';
export { LOG_LEVELS, isLogLevel, type LogLevel } from './LogLevel.js';
export type { LogFormat } from './LoggerCore.js';
export { Redactor } from './Redactor.js';
export { serializeError } from './serializeError.js';
export { readRootLoggerOptions, type RootLoggerEnv } from './readRootLoggerOptions.js';
export {
  createRootLoggerFromConfig,
  type CreateRootLoggerFromConfigOptions,
} from './createRootLoggerFromConfig.js';
export { createTestLogger, type TestLogger, type CapturedLogEntry } from './createTestLogger.js';
export { RootLoggerError, type RootLoggerErrorCode } from './rootLoggerErrors.js';
export {
  createRootLoggerServiceFactory,
  rootLoggerServiceFactory,
} from './rootLoggerServiceFactory.js';
