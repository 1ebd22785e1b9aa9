/** The four levels an entry can have, from most to least severe (LOG-013). */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Every valid level, in severity order. */
export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

/**
 * Verbosity rank of each level: an entry is written when its rank is at most the rank of
 * the level in force.
 */
export const LOG_LEVEL_RANK: Readonly<Record<LogLevel, number>> = {
  error: 0,
  warn: 1,
  info: 2,
  debug: 3,
};

/** Whether `value` names one of the four levels. */
export function isLogLevel(value: unknown): value is LogLevel {
  return value === 'error' || value === 'warn' || value === 'info' || value === 'debug';
}
