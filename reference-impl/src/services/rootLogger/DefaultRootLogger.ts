import type { JsonObject, RootLoggerService } from '@openstage/spec';
import { compileLevelOverrides, type LevelOverride } from './LevelOverrides.js';
import type { LogFormat, LoggerCore } from './LoggerCore.js';
import type { LogLevel } from './LogLevel.js';
import { Redactor } from './Redactor.js';
import { StructuredLogger } from './StructuredLogger.js';
import { writeStdoutLine } from './writeStdoutLine.js';
import { createTimestampClock } from './createTimestampClock.js';

/** Options of {@link DefaultRootLogger.create}. */
export interface DefaultRootLoggerOptions {
  /** The default level (LOG-016); `info` when omitted. */
  level?: LogLevel;
  /** Fields on every entry (LOG-014, LOG-015). */
  meta?: JsonObject;
  /** `json` (production) or `text` (development); `json` when omitted. */
  format?: LogFormat;
  /** Where finished lines go, without line break; standard output when omitted (LOG-018). */
  write?: (line: string) => void;
  /** Level overrides, already compiled. */
  overrides?: readonly LevelOverride[];
  /** Values never redacted (LOG-041). */
  redactAllowlist?: Iterable<string>;
  /** The clock for timestamps. */
  now?: () => Date;
}

/**
 * The default root logger: level filtering with overrides, JSON or text lines, and redaction
 * of every secret it has been given from every line, whichever child wrote it.
 *
 * Secrets are pushed in with {@link DefaultRootLogger.addRedactions}, so the logger does not
 * need to know how configuration marks them; see `createRootLoggerFromConfig` for the wiring.
 */
export class DefaultRootLogger extends StructuredLogger implements RootLoggerService {
  static create(options: DefaultRootLoggerOptions = {}): DefaultRootLogger {
    const now = options.now;
    const core: LoggerCore = {
      level: options.level ?? 'info',
      overrides: options.overrides ?? [],
      format: options.format ?? 'json',
      redactor: new Redactor(options.redactAllowlist),
      write: options.write ?? writeStdoutLine,
      timestamp: now ? () => now().toISOString() : createTimestampClock(),
    };
    return new DefaultRootLogger(core, options.meta ?? {});
  }

  private constructor(core: LoggerCore, meta: JsonObject) {
    super(core, meta);
  }

  /** The default level, used for entries that match no override. */
  get level(): LogLevel {
    return this.core.level;
  }

  /**
   * Adds values to redact from every later line (LOG-034); values only ever accumulate
   * (LOG-040). Logs the size of the set when it grew (LOG-042), never the values (LOG-043).
   * Resolves to the number of values that were new.
   */
  addRedactions(values: Iterable<unknown>): number {
    const added = this.core.redactor.add(values);
    if (added > 0) {
      this.info(
        `Redacting ${this.core.redactor.size} secrets from log output, ${added} of them new`,
      );
    }
    return added;
  }

  /** Replaces the values never redacted (LOG-041). */
  setRedactAllowlist(values: Iterable<string>): void {
    this.core.redactor.setAllowlist(values);
  }

  /**
   * Replaces the level overrides from the next entry on (LOG-032), given in the form of
   * `backend.logger.overrides`, which is validated first.
   *
   * @throws RootLoggerError when the value is invalid; the previous overrides then stay.
   */
  setLevelOverrides(overrides: unknown): void {
    this.core.overrides = compileLevelOverrides(overrides);
  }
}
