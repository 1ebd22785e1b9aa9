import type { JsonObject } from '@openstage/spec';
import { DefaultRootLogger } from './DefaultRootLogger.js';
import type { LogLevel } from './LogLevel.js';

/** One entry a {@link TestLogger} recorded, as the JSON format would have written it. */
export interface CapturedLogEntry {
  level: LogLevel;
  message: string;
  /** Every other property of the line, the timestamp left out. */
  fields: Record<string, unknown>;
}

/** A root logger that records what it writes; see {@link createTestLogger}. */
export interface TestLogger {
  /** The logger; its children and plugin loggers record into the same lists. */
  readonly logger: DefaultRootLogger;
  /** Entries in the order written, after level filtering and redaction. */
  readonly entries: CapturedLogEntry[];
  /** The written lines, exactly as the JSON format writes them. */
  readonly lines: string[];
  /** Entries with the given message, or whose message matches the expression. */
  find(message: string | RegExp): CapturedLogEntry[];
  /** Forgets every recorded entry. */
  clear(): void;
}

/**
 * A real {@link DefaultRootLogger} in JSON format whose lines go to memory instead of standard
 * output, for tests that assert log entries, level filtering or redaction.
 *
 * The level defaults to `debug`, so that nothing is filtered unless asked for.
 */
export function createTestLogger(
  options: { level?: LogLevel; meta?: JsonObject; now?: () => Date } = {},
): TestLogger {
  const entries: CapturedLogEntry[] = [];
  const lines: string[] = [];
  const logger = DefaultRootLogger.create({
    level: options.level ?? 'debug',
    format: 'json',
    ...(options.meta ? { meta: options.meta } : {}),
    ...(options.now ? { now: options.now } : {}),
    write: (line) => {
      lines.push(line);
      const {
        level,
        message,
        timestamp: _timestamp,
        ...fields
      } = JSON.parse(line) as Record<string, unknown>;
      entries.push({ level: level as LogLevel, message: String(message), fields });
    },
  });
  return {
    logger,
    entries,
    lines,
    find: (message) =>
      entries.filter((e) =>
        typeof message === 'string' ? e.message === message : message.test(e.message),
      ),
    clear: () => {
      entries.length = 0;
      lines.length = 0;
    },
  };
}
