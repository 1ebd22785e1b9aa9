import type { LoggerService } from '../logger/LoggerService.js';

/**
 * Options of `addStartupHook`.
 *
 * **When to use**: to have failures of the hook logged through a specific logger.
 *
 * @requirement LIFE-003
 * @requirement LIFE-016
 * @requirement LIFE-020
 * @see {@link LifecycleService}
 * @category services
 * @since 0.1.0
 */
export interface LifecycleServiceStartupOptions {
  /** The logger used to report a failure of this hook, instead of the service's own. */
  logger?: LoggerService;
}
