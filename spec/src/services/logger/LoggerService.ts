import type { JsonObject } from '../../json/JsonObject.js';

/**
 * The `logger` service (`core.logger`, plugin scope): structured logging for one plugin.
 *
 * **When to use**: depend on `coreServices.logger` in a plugin or module; use `child` to add
 * fields such as a task id to every entry of one unit of work.
 *
 * **Details**: every entry has a level, a message and metadata. Metadata is either a JSON object
 * of extra fields or an `Error`, whose name, message and stack are logged. The plugin logger
 * carries the plugin id as a field. Same members as Backstage's `LoggerService`, as
 * function-typed properties.
 *
 * @requirement LOG-002
 * @requirement LOG-003
 * @requirement LOG-004
 * @requirement LOG-005
 * @requirement LOG-006
 * @requirement LOG-007
 * @requirement LOG-008
 * @requirement LOG-013
 * @requirement LOG-044
 * @see {@link RootLoggerService}
 * @category services
 * @since 0.1.0
 */
export interface LoggerService {
  /** Logs at error level. */
  error: (message: string, meta?: Error | JsonObject) => void;
  /** Logs at warn level. */
  warn: (message: string, meta?: Error | JsonObject) => void;
  /** Logs at info level. */
  info: (message: string, meta?: Error | JsonObject) => void;
  /** Logs at debug level. */
  debug: (message: string, meta?: Error | JsonObject) => void;
  /**
   * Returns a logger that adds `meta` to every entry, on top of this logger's fields.
   *
   * @requirement LOG-009
   * @requirement LOG-010
   * @requirement LOG-011
   * @requirement LOG-012
   */
  child: (meta: JsonObject) => LoggerService;
}
