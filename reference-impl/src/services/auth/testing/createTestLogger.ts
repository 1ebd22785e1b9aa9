import type { JsonObject, LoggerService } from '@openstage/spec';

/** A logger that records what it is given, for assertions on warnings. */
export interface TestLogger extends LoggerService {
  readonly entries: Array<{ level: string; message: string }>;
}

/** Creates a {@link TestLogger}; children share their parent's record. */
export function createTestLogger(
  entries: Array<{ level: string; message: string }> = [],
): TestLogger {
  const log = (level: string) => (message: string, _meta?: Error | JsonObject) => {
    entries.push({ level, message });
  };
  return {
    entries,
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: () => createTestLogger(entries),
  };
}
