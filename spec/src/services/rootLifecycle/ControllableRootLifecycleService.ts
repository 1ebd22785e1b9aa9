import type { RootLifecycleService } from './RootLifecycleService.js';

/**
 * The root lifecycle service as the runtime sees it: the public interface plus the methods that
 * run the hooks of each phase.
 *
 * **When to use**: when implementing a replacement for the `rootLifecycle` service; the runtime
 * calls these methods and cannot drive an implementation without them.
 *
 * **Details**: each method runs the hooks of its phase once. A hook that fails is logged and the
 * remaining hooks still run.
 *
 * @requirement LIFE-006
 * @requirement LIFE-007
 * @requirement LIFE-013
 * @requirement LIFE-014
 * @requirement LIFE-015
 * @requirement LIFE-018
 * @see {@link RootLifecycleService}
 * @category services
 * @since 0.1.0
 */
export interface ControllableRootLifecycleService extends RootLifecycleService {
  /**
   * Runs the root startup hooks.
   *
   * @requirement LIFE-006
   * @requirement LIFE-013
   * @requirement LIFE-015
   * @requirement LIFE-018
   * @requirement LIFE-024
   */
  startup: () => Promise<void>;
  /**
   * Runs the before-shutdown hooks.
   *
   * @requirement LIFE-006
   * @requirement LIFE-013
   * @requirement LIFE-015
   * @requirement LIFE-018
   * @requirement LIFE-027
   */
  beforeShutdown: () => Promise<void>;
  /**
   * Runs the root shutdown hooks.
   *
   * @requirement LIFE-006
   * @requirement LIFE-013
   * @requirement LIFE-015
   * @requirement LIFE-018
   * @requirement LIFE-033
   */
  shutdown: () => Promise<void>;
}
