/**
 * The slice of the root logger service the runtime uses. Any
 * `core.rootLogger` implementation (Backstage's included) satisfies it.
 */
export interface RuntimeLogger {
  error(message: string, meta?: Error | Record<string, unknown>): void;
  warn(message: string, meta?: Error | Record<string, unknown>): void;
  info(message: string, meta?: Error | Record<string, unknown>): void;
  child(meta: Record<string, unknown>): RuntimeLogger;
}

/** Whether a resolved root logger instance looks usable. */
export function isRuntimeLogger(value: unknown): value is RuntimeLogger {
  const v = value as Partial<RuntimeLogger> | undefined;
  return (
    typeof v?.info === 'function' && typeof v.error === 'function' && typeof v.child === 'function'
  );
}
