import type { LoggerService, RootLoggerService } from '../../authoring/coreServiceTypes.js';

export type LogLevel = 'none' | 'error' | 'warn' | 'info' | 'debug';
const ORDER: Record<LogLevel, number> = { none: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** One written log line, as handed to a sink. */
export interface LogRecord {
  level: Exclude<LogLevel, 'none'>;
  message: string;
  meta: Record<string, unknown>;
  error?: Error;
}

/**
 * A small structured logger: level filtering, child loggers that merge their
 * metadata, and a pluggable sink (the console by default, an array in tests).
 */
export class ConsoleLogger implements RootLoggerService {
  readonly #level: LogLevel;
  readonly #meta: Record<string, unknown>;
  readonly #sink: (record: LogRecord) => void;

  constructor(
    options: {
      level?: LogLevel;
      meta?: Record<string, unknown>;
      sink?: (record: LogRecord) => void;
    } = {},
  ) {
    this.#level = options.level ?? 'info';
    this.#meta = options.meta ?? {};
    this.#sink =
      options.sink ??
      ((r) => {
        const meta = Object.entries(r.meta)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(' ');
        const line = `${new Date().toISOString()} ${r.level} ${r.message}${meta ? ` ${meta}` : ''}`;
        (r.level === 'error' ? console.error : console.log)(
          r.error ? `${line}\n${r.error.stack ?? r.error}` : line,
        );
      });
  }

  #write(level: LogRecord['level'], message: string, meta?: Error | Record<string, unknown>): void {
    if (ORDER[level] > ORDER[this.#level]) return;
    const error = meta instanceof Error ? meta : undefined;
    const fields = meta instanceof Error || meta === undefined ? {} : meta;
    this.#sink({ level, message, meta: { ...this.#meta, ...fields }, ...(error ? { error } : {}) });
  }

  error(message: string, meta?: Error | Record<string, unknown>): void {
    this.#write('error', message, meta);
  }
  warn(message: string, meta?: Error | Record<string, unknown>): void {
    this.#write('warn', message, meta);
  }
  info(message: string, meta?: Error | Record<string, unknown>): void {
    this.#write('info', message, meta);
  }
  debug(message: string, meta?: Error | Record<string, unknown>): void {
    this.#write('debug', message, meta);
  }
  child(meta: Record<string, unknown>): LoggerService {
    return new ConsoleLogger({
      level: this.#level,
      meta: { ...this.#meta, ...meta },
      sink: this.#sink,
    });
  }
}
