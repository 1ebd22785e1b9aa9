export { ConsoleLogger, type LogLevel, type LogRecord } from './ConsoleLogger.js';
export { rootLoggerServiceFactory } from './rootLoggerServiceFactory.js';
