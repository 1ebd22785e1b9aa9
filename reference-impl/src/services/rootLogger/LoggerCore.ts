import type { LevelOverride } from './LevelOverrides.js';
import type { LogLevel } from './LogLevel.js';
import type { Redactor } from './Redactor.js';

/** How lines are written: one JSON object per line, or readable text (LOG-019, LOG-021). */
export type LogFormat = 'json' | 'text';

/**
 * The state a root logger shares with every child it hands out, so that a change of the
 * overrides or of the secrets reaches plugin loggers created long before (LOG-032, LOG-039).
 */
export interface LoggerCore {
  level: LogLevel;
  overrides: readonly LevelOverride[];
  readonly format: LogFormat;
  readonly redactor: Redactor;
  /** Writes one finished line, without its line break. */
  readonly write: (line: string) => void;
  /** The time of an entry, in ISO 8601 form. */
  readonly timestamp: () => string;
}
