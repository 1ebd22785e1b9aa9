import type { LifecycleService } from './LifecycleService.js';

/**
 * A plugin lifecycle service as the runtime sees it: the plugin-facing interface plus the
 * methods that run the hooks.
 *
 * **When to use**: when implementing a replacement for the `lifecycle` service. The runtime
 * calls `startup()` after the plugin's `init` and `shutdown()` when the backend stops, so an
 * implementation without them cannot be driven.
 *
 * **Details**: each method runs the hooks of its phase once; later calls do nothing. A hook that
 * fails is logged and the remaining hooks still run, so neither method rejects because of a
 * hook.
 *
 * @requirement LIFE-005
 * @requirement LIFE-007
 * @requirement LIFE-013
 * @requirement LIFE-014
 * @requirement LIFE-015
 * @requirement LIFE-018
 * @see {@link LifecycleService}
 * @category services
 * @since 0.1.0
 */
export interface ControllableLifecycleService extends LifecycleService {
  /**
   * Runs the startup hooks.
   *
   * @requirement LIFE-005
   * @requirement LIFE-013
   * @requirement LIFE-015
   * @requirement LIFE-018
   * @requirement LIFE-021
   */
  startup: () => Promise<void>;
  /**
   * Runs the shutdown hooks.
   *
   * @requirement LIFE-005
   * @requirement LIFE-013
   * @requirement LIFE-015
   * @requirement LIFE-018
   * @requirement LIFE-031
   */
  shutdown: () => Promise<void>;
}
