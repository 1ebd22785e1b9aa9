import type { LifecycleService } from '../lifecycle/LifecycleService.js';
import type { RootLifecycleServiceBeforeShutdownHook } from './RootLifecycleServiceBeforeShutdownHook.js';

/**
 * The `rootLifecycle` service (`core.rootLifecycle`, root scope): startup and shutdown hooks of
 * the whole backend.
 *
 * **When to use**: in root-scoped services that need to act when the whole backend has started
 * or is stopping.
 *
 * **Details**: root startup hooks run once, after every plugin has settled, and only when the
 * startup outcome is `success`. On `stop()`, before-shutdown hooks run first, then every
 * plugin's shutdown hooks, then the root shutdown hooks.
 *
 * @requirement LIFE-002
 * @requirement LIFE-004
 * @see {@link LifecycleService}
 * @see {@link ControllableRootLifecycleService}
 * @category services
 * @since 0.1.0
 */
export interface RootLifecycleService extends LifecycleService {
  /**
   * Registers a hook to run when shutdown begins, before any plugin shutdown hook.
   *
   * @requirement LIFE-004
   * @requirement LIFE-008
   * @requirement LIFE-011
   */
  addBeforeShutdownHook: (hook: RootLifecycleServiceBeforeShutdownHook) => void;
}
