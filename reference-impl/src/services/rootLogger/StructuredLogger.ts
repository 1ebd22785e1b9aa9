import type { JsonObject, LoggerService } from '@openstage/spec';
import { levelFor } from './LevelOverrides.js';
import type { LoggerCore } from './LoggerCore.js';
import { LOG_LEVEL_RANK, type LogLevel } from './LogLevel.js';
import { formatTextFields, formatTextLine, textComponent } from './formatTextLine.js';
import { safeStringify } from './safeStringify.js';
import { serializeError } from './serializeError.js';

type Fields = Readonly<Record<string, unknown>>;

/** Property names of a JSON line that fields must not shadow. */
const RESERVED = new Set(['level', 'message', 'timestamp']);

/**
 * A logger with a fixed set of fields on top of a shared {@link LoggerCore}; `child` makes
 * another one with more fields (LOG-009 to LOG-012).
 *
 * The hot path is the JSON line with few fields: the logger's own fields are serialised once
 * and kept as a fragment, so a call only serialises its message and meta. When the meta
 * shadows a field the line is built from a merged object instead, so that no property appears
 * twice.
 */
export class StructuredLogger implements LoggerService {
  protected readonly core: LoggerCore;
  readonly #fields: Fields;
  #fragment: string | undefined;
  /** The text line's parts from the logger's own fields, made on first use like `#fragment`. */
  #text: { component: string; tail: string } | undefined;

  constructor(core: LoggerCore, fields: Fields) {
    this.core = core;
    this.#fields = fields;
  }

  error(message: string, meta?: Error | JsonObject): void {
    this.#log('error', message, meta);
  }

  warn(message: string, meta?: Error | JsonObject): void {
    this.#log('warn', message, meta);
  }

  info(message: string, meta?: Error | JsonObject): void {
    this.#log('info', message, meta);
  }

  debug(message: string, meta?: Error | JsonObject): void {
    this.#log('debug', message, meta);
  }

  child(meta: JsonObject): LoggerService {
    // LOG-011: the child's meta wins; LOG-012: this logger's fields stay as they were.
    return new StructuredLogger(this.core, { ...this.#fields, ...meta });
  }

  #log(level: LogLevel, rawMessage: string, meta: Error | JsonObject | undefined): void {
    const core = this.core;
    // Filtered entries without overrides are the common case; leave before any allocation.
    if (core.overrides.length === 0 && LOG_LEVEL_RANK[level] > LOG_LEVEL_RANK[core.level]) return;
    try {
      const message = typeof rawMessage === 'string' ? rawMessage : String(rawMessage);
      const metaFields: Fields | undefined =
        meta instanceof Error
          ? { error: serializeError(meta) }
          : typeof meta === 'object' && meta !== null
            ? meta
            : undefined;
      if (!this.#enabled(level, message, metaFields)) return;
      const timestamp = core.timestamp();
      const line =
        core.format === 'json'
          ? this.#jsonLine(level, message, timestamp, metaFields)
          : this.#textLine(level, message, timestamp, metaFields);
      core.write(core.redactor.redact(line, core.format));
    } catch (error) {
      this.#lastResort(level, rawMessage, error);
    }
  }

  #enabled(level: LogLevel, message: string, meta: Fields | undefined): boolean {
    const core = this.core;
    if (core.overrides.length === 0) return LOG_LEVEL_RANK[level] <= LOG_LEVEL_RANK[core.level];
    const fields = this.#fields;
    const inForce = levelFor(
      core.overrides,
      (name) => {
        if (name === 'message') return message;
        if (name === 'level') return level;
        if (meta !== undefined && Object.hasOwn(meta, name)) return meta[name];
        return Object.hasOwn(fields, name) ? fields[name] : undefined;
      },
      core.level,
    );
    return LOG_LEVEL_RANK[level] <= LOG_LEVEL_RANK[inForce];
  }

  #jsonLine(level: LogLevel, message: string, timestamp: string, meta: Fields | undefined): string {
    let metaPart = '';
    if (meta !== undefined) {
      for (const key of Object.keys(meta)) {
        if (RESERVED.has(key) || Object.hasOwn(this.#fields, key))
          return this.#mergedJsonLine(level, message, timestamp, meta);
      }
      let json: string | undefined;
      try {
        json = JSON.stringify(meta);
      } catch {
        // Cycles, bigints, a throwing toJSON: the merged path serialises what it can.
      }
      // A toJSON can also turn the meta into something that is not an object.
      if (typeof json !== 'string' || json[0] !== '{')
        return this.#mergedJsonLine(level, message, timestamp, meta);
      if (json.length > 2) metaPart = `,${json.slice(1, -1)}`;
    }
    return `{"level":"${level}","message":${JSON.stringify(message)},"timestamp":"${timestamp}"${this.#fieldsFragment()}${metaPart}}`;
  }

  #textLine(level: LogLevel, message: string, timestamp: string, meta: Fields | undefined): string {
    if (meta !== undefined) {
      // A meta field that shadows one of the logger's, names the component or has an
      // integer-like name (which objects list first) changes the head or the order of the line:
      // build it from the merged fields.
      for (const key of Object.keys(meta)) {
        const first = key.charCodeAt(0);
        if (
          key === 'plugin' ||
          key === 'service' ||
          (first >= 48 && first <= 57) ||
          Object.hasOwn(this.#fields, key)
        ) {
          return formatTextLine(timestamp, level, message, { ...this.#fields, ...meta });
        }
      }
    }
    const text = (this.#text ??= {
      component: textComponent(this.#fields),
      tail: formatTextFields(this.#fields),
    });
    const head = `${timestamp} ${text.component} ${level} ${message}${text.tail}`;
    return meta === undefined ? head : head + formatTextFields(meta);
  }

  #mergedJsonLine(level: LogLevel, message: string, timestamp: string, meta: Fields): string {
    const merged = { ...this.#fields, ...meta };
    for (const key of RESERVED) delete merged[key];
    return safeStringify({ level, message, timestamp, ...merged });
  }

  #fieldsFragment(): string {
    if (this.#fragment === undefined) {
      const fields: Record<string, unknown> = { ...this.#fields };
      for (const key of RESERVED) delete fields[key];
      const json = safeStringify(fields);
      this.#fragment = json.length > 2 ? `,${json.slice(1, -1)}` : '';
    }
    return this.#fragment;
  }

  /** LOG-004: a logging call never throws, even when the meta cannot be serialised. */
  #lastResort(level: LogLevel, message: unknown, cause: unknown): void {
    try {
      const core = this.core;
      const text = `${typeof message === 'string' ? message : safeStringify(message)} (log entry could not be written: ${cause instanceof Error ? cause.message : safeStringify(cause)})`;
      const line =
        core.format === 'json' ? safeStringify({ level, message: text }) : `${level} ${text}`;
      core.write(core.redactor.redact(line, core.format));
    } catch {
      // Nothing left to do without risking a throw into the caller.
    }
  }
}
