import type { LoggerService } from '../../authoring/coreServiceTypes.js';
import { errorForLog } from '../../errors/errorForLog.js';

/** A registered hook and the logger its failures go to. */
export interface RegisteredHook {
  hook: () => void | Promise<void>;
  logger?: LoggerService;
}

/** How a hook settled, as the runtime's shutdown result records it. */
export type HookSettlement = { outcome: 'success' } | { outcome: 'failure'; error: unknown };

/**
 * Optional argument of `startup()`, `beforeShutdown()` and `shutdown()`: the
 * runtime passes it to learn about each hook (name, settlement) so that it
 * can report per-hook outcomes and phase deadlines (STOP-022, LIFE-037).
 * Replacement services may ignore it.
 */
export interface PhaseObserver {
  onHooks(hooks: ReadonlyArray<{ name?: string; settled: Promise<HookSettlement> }>): void;
}

/**
 * Calls every hook in the order added without waiting between them
 * (LIFE-014); a failure is logged with `code: 'LIFE_HOOK_FAILED'` through the
 * hook's logger or the service's (LIFE-016) and never stops the others
 * (LIFE-017). Resolves once every hook settled; never rejects (LIFE-018).
 */
export async function runHooks(
  hooks: readonly RegisteredHook[],
  fallback: LoggerService,
  phase: string,
  observer: PhaseObserver | undefined,
): Promise<void> {
  fallback.debug(`Running ${hooks.length} ${phase} hook(s)`);
  const settled = hooks.map(async ({ hook, logger }): Promise<HookSettlement> => {
    try {
      await hook();
      return { outcome: 'success' };
    } catch (error) {
      (logger ?? fallback).error(`${phase} hook${hook.name ? ` '${hook.name}'` : ''} failed`, {
        code: 'LIFE_HOOK_FAILED',
        error: errorForLog(error),
      });
      return { outcome: 'failure', error };
    }
  });
  if (typeof observer?.onHooks === 'function') {
    observer.onHooks(
      hooks.map(({ hook }, index) => ({
        ...(hook.name ? { name: hook.name } : {}),
        settled: settled[index]!,
      })),
    );
  }
  await Promise.all(settled);
}

/** Describes a non-function hook for LIFE_INVALID_HOOK. */
export function describeHook(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object'
    ? 'an object'
    : typeof value === 'string'
      ? JSON.stringify(value)
      : String(value);
}
