import { OpenstageError, describeCause } from '../errors/OpenstageError.js';
import type { RuntimeLogger } from './RuntimeLogger.js';
import { errorForLog } from '../errors/errorForLog.js';
import type { ShutdownHookResult, ShutdownPhaseResult } from './ShutdownResult.js';

type HookSettlement = { outcome: 'success' } | { outcome: 'failure'; error: unknown };

/** The optional argument the default lifecycle services accept on their phase methods. */
export interface PhaseObserver {
  onHooks(hooks: ReadonlyArray<{ name?: string; settled: Promise<HookSettlement> }>): void;
}

/** One lifecycle service whose hooks belong to the phase. */
export interface PhasePart {
  pluginId?: string;
  run(observer: PhaseObserver): Promise<void>;
}

/**
 * Runs one shutdown phase: every part at once, bounded as a whole by
 * `timeoutMs` (LIFE-036, LIFE-041). Hooks still pending at the deadline are
 * reported as timed out and logged once (LIFE-037); entries never change
 * after the phase ended (STOP-025), and late settlements are swallowed
 * (STOP-009). The deadline timer never keeps the process alive (STOP-010).
 */
export async function runShutdownPhase(
  phase: ShutdownPhaseResult['phase'],
  parts: readonly PhasePart[],
  timeoutMs: number,
  logger: RuntimeLogger | undefined,
): Promise<ShutdownPhaseResult> {
  const beginAt = new Date();
  const started = performance.now();
  const hooks: ShutdownHookResult[] = [];
  const pending = new Set<ShutdownHookResult>();
  const silentParts = new Set<PhasePart>();
  let ended = false;

  const runs = parts.map(async (part) => {
    let reported = false;
    silentParts.add(part);
    const observer: PhaseObserver = {
      onHooks(list) {
        reported = true;
        silentParts.delete(part);
        for (const { name, settled } of list) {
          const entry: ShutdownHookResult = {
            ...(part.pluginId !== undefined ? { pluginId: part.pluginId } : {}),
            ...(name ? { name } : {}),
            outcome: 'success',
          };
          hooks.push(entry);
          pending.add(entry);
          void settled.then((settlement) => {
            if (ended) return;
            pending.delete(entry);
            entry.durationMs = performance.now() - started;
            if (settlement.outcome === 'failure') {
              entry.outcome = 'failure';
              entry.error = new OpenstageError(
                'LIFE_HOOK_FAILED',
                {
                  phase,
                  ...(part.pluginId !== undefined ? { pluginId: part.pluginId } : {}),
                  ...(name ? { hook: name } : {}),
                  cause: describeCause(settlement.error),
                },
                { cause: settlement.error },
              );
            }
          });
        }
      },
    };
    try {
      await part.run(observer);
    } catch (error) {
      // A replacement service that rejects: logged, the phase goes on.
      logger?.error(
        `${phase} of ${part.pluginId !== undefined ? `plugin '${part.pluginId}'` : 'the root lifecycle'} failed`,
        {
          code: 'LIFE_HOOK_FAILED',
          error: errorForLog(error),
        },
      );
    }
    if (!reported) silentParts.delete(part);
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    timer.unref?.();
  });
  const outcome = await Promise.race([Promise.all(runs).then(() => 'done' as const), deadline]);
  clearTimeout(timer);
  // Let settlements that are already queued land before the phase closes.
  await Promise.resolve();
  ended = true;

  if (outcome === 'timeout') {
    const late: ShutdownHookResult[] = [...pending];
    for (const part of silentParts) {
      const entry: ShutdownHookResult = {
        ...(part.pluginId !== undefined ? { pluginId: part.pluginId } : {}),
        outcome: 'timeout',
      };
      hooks.push(entry);
      late.push(entry);
    }
    const labels = late.map((h) => `${h.pluginId ?? 'root'}${h.name ? ` '${h.name}'` : ''}`);
    for (const entry of late) {
      entry.outcome = 'timeout';
      delete entry.durationMs;
      entry.error = new OpenstageError('LIFE_SHUTDOWN_PHASE_TIMEOUT', {
        phase,
        timeoutMs,
        pending: labels,
        ...(entry.pluginId !== undefined ? { pluginId: entry.pluginId } : {}),
      });
    }
    const error = new OpenstageError('LIFE_SHUTDOWN_PHASE_TIMEOUT', {
      phase,
      timeoutMs,
      pending: labels,
    });
    logger?.error(error.message, {
      code: 'LIFE_SHUTDOWN_PHASE_TIMEOUT',
      phase,
      pendingHooks: labels,
    });
  }
  return { phase, beginAt, endAt: new Date(), hooks };
}
