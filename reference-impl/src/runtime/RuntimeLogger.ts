import type { RootLoggerService } from '@openstage/spec';

/**
 * The slice of the spec's root logger service the runtime uses. Any
 * `core.rootLogger` implementation (Backstage's included) satisfies it.
 */
export type RuntimeLogger = Pick<RootLoggerService, 'error' | 'warn' | 'info' | 'child'>;

/** Whether a resolved root logger instance looks usable. */
export function isRuntimeLogger(value: unknown): value is RuntimeLogger {
  const v = value as Partial<RuntimeLogger> | undefined;
  return (
    typeof v?.info === 'function' && typeof v.error === 'function' && typeof v.child === 'function'
  );
}
