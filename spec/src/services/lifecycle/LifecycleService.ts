import type { LifecycleServiceShutdownHook } from './LifecycleServiceShutdownHook.js';
import type { LifecycleServiceShutdownOptions } from './LifecycleServiceShutdownOptions.js';
import type { LifecycleServiceStartupHook } from './LifecycleServiceStartupHook.js';
import type { LifecycleServiceStartupOptions } from './LifecycleServiceStartupOptions.js';

/**
 * The `lifecycle` service (`core.lifecycle`, plugin scope): startup and shutdown hooks of one
 * plugin.
 *
 * **When to use**: depend on `coreServices.lifecycle` to run code once the plugin has started
 * or when the backend shuts down.
 *
 * **Details**: a plugin's startup hooks run as soon as that plugin's `init` has resolved,
 * without waiting for other plugins. Shutdown hooks run when the backend stops. Adding a startup
 * hook after the startup hooks have begun to run throws. The members are function-typed
 * properties, so an implementation that narrows the accepted hook type (for example to hooks
 * that must return a promise) is rejected by the type checker. The runtime additionally needs to
 * trigger the hooks; that part is {@link ControllableLifecycleService}.
 *
 * @requirement LIFE-001
 * @requirement LIFE-003
 * @requirement LIFE-020
 * @requirement MOD-023
 * @requirement MOD-024
 * @see {@link RootLifecycleService}
 * @see {@link ControllableLifecycleService}
 * @category services
 * @since 0.1.0
 */
export interface LifecycleService {
  /**
   * Registers a hook to run once the plugin has started.
   *
   * @requirement LIFE-003
   * @requirement LIFE-008
   * @requirement LIFE-009
   */
  addStartupHook: (
    hook: LifecycleServiceStartupHook,
    options?: LifecycleServiceStartupOptions,
  ) => void;
  /**
   * Registers a hook to run when the backend shuts down.
   *
   * @requirement LIFE-003
   * @requirement LIFE-008
   * @requirement LIFE-010
   * @requirement LIFE-012
   */
  addShutdownHook: (
    hook: LifecycleServiceShutdownHook,
    options?: LifecycleServiceShutdownOptions,
  ) => void;
}
