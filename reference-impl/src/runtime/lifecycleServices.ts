import { OpenstageError } from '../errors/OpenstageError.js';
import type { PhaseObserver } from './runShutdownPhase.js';

/** A `core.lifecycle` instance as the runtime drives it. */
export interface PluginLifecycleHooks {
  startup(observer?: PhaseObserver): Promise<void>;
  shutdown(observer?: PhaseObserver): Promise<void>;
}

/** A `core.rootLifecycle` instance as the runtime drives it. */
export interface RootLifecycleHooks extends PluginLifecycleHooks {
  beforeShutdown(observer?: PhaseObserver): Promise<void>;
}

/** LIFE-007: the runtime drives the phases through these methods. */
export function assertLifecycle(
  value: unknown,
  serviceId: string,
  methods: readonly string[],
  pluginId?: string,
): void {
  const missing = methods.filter(
    (m) => typeof (value as Record<string, unknown> | undefined)?.[m] !== 'function',
  );
  if (missing.length > 0) {
    throw new OpenstageError('LIFE_UNEXPECTED_IMPLEMENTATION', {
      serviceId,
      missing,
      ...(pluginId !== undefined ? { pluginId } : {}),
    });
  }
}
