import type { JsonObject, LoggerService, MockLogLevel } from '@openstage/spec';

const RANK: Readonly<Record<MockLogLevel, number>> = {
  none: 0,
  error: 1,
  warn: 2,
  info: 3,
  debug: 4,
};
type EntryLevel = Exclude<MockLogLevel, 'none'>;

/**
 * The fake of `mockServices.rootLogger` and `mockServices.logger` (TEST-073, TEST-074, TEST-084):
 * writes entries at or above `level` to the console, labelled with the level and the metadata,
 * and nothing at all at `none`.
 */
export class MockLogger implements LoggerService {
  readonly #level: MockLogLevel;
  readonly #meta: JsonObject;

  constructor(options: { level?: MockLogLevel; meta?: JsonObject } = {}) {
    const level = options.level ?? 'none';
    if (!(level in RANK)) {
      throw new TypeError(
        `Invalid mock log level ${JSON.stringify(level)}, expected one of ${Object.keys(RANK).join(', ')}`,
      );
    }
    this.#level = level;
    this.#meta = options.meta ?? {};
  }

  error(message: string, meta?: Error | JsonObject): void {
    this.#write('error', message, meta);
  }

  warn(message: string, meta?: Error | JsonObject): void {
    this.#write('warn', message, meta);
  }

  info(message: string, meta?: Error | JsonObject): void {
    this.#write('info', message, meta);
  }

  debug(message: string, meta?: Error | JsonObject): void {
    this.#write('debug', message, meta);
  }

  child(meta: JsonObject): LoggerService {
    return new MockLogger({ level: this.#level, meta: { ...this.#meta, ...meta } });
  }

  #write(level: EntryLevel, message: string, meta: Error | JsonObject | undefined): void {
    // The level check comes first so a silent logger costs one comparison per call.
    if (RANK[level] > RANK[this.#level]) return;
    const extra =
      meta instanceof Error ? { error: { name: meta.name, message: meta.message } } : meta;
    const fields = { ...this.#meta, ...extra };
    const label = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    console[level](`${level}: ${message}${label}`);
  }
}
