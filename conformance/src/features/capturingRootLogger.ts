import { coreRefs } from './coreRefs.js';
import { serviceFactory, type TestServiceFactory } from './serviceFactory.js';

/** One entry written through the suite's capturing root logger or one of its children. */
export interface CapturedLogEntry {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  /** The fields of every `child()` call on the way, then the call's own metadata. */
  fields: Record<string, unknown>;
  /** The error passed as metadata, when one was. */
  error?: unknown;
}

interface CapturingLogger {
  error(message: string, meta?: unknown): void;
  warn(message: string, meta?: unknown): void;
  info(message: string, meta?: unknown): void;
  debug(message: string, meta?: unknown): void;
  child(fields: Record<string, unknown>): CapturingLogger;
}

function createLogger(sink: CapturedLogEntry[], base: Record<string, unknown>): CapturingLogger {
  const write = (level: CapturedLogEntry['level']) => (message: string, meta?: unknown) => {
    const entry: CapturedLogEntry = { level, message: String(message), fields: { ...base } };
    if (meta instanceof Error) entry.error = meta;
    else if (typeof meta === 'object' && meta !== null) Object.assign(entry.fields, meta);
    sink.push(entry);
  };
  return {
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: (fields) => createLogger(sink, { ...base, ...fields }),
  };
}

/**
 * A `core.rootLogger` factory that writes every entry into `sink` instead of the console, so
 * tests can read what the runtime logged. It implements only the logger methods runtimes call.
 */
export function capturingRootLoggerFactory(sink: CapturedLogEntry[]): TestServiceFactory {
  return serviceFactory({ service: coreRefs.rootLogger, factory: () => createLogger(sink, {}) });
}
