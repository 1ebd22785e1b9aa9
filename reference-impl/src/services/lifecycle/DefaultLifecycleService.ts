import { OpenstageError } from '../../errors/OpenstageError.js';
import type { LifecycleService, LoggerService } from '../../authoring/coreServiceTypes.js';
import { runAll } from '../rootLifecycle/DefaultRootLifecycleService.js';

type Hook = () => void | Promise<void>;

/**
 * A plugin's lifecycle: startup hooks run right after that plugin's init,
 * shutdown hooks when the backend stops. Same error rules as the root one.
 */
export class DefaultLifecycleService implements LifecycleService {
  readonly #logger: LoggerService;
  readonly #startupHooks: Array<{ hook: Hook; logger?: LoggerService }> = [];
  readonly #shutdownHooks: Array<{ hook: Hook; logger?: LoggerService }> = [];
  #started = false;
  #shutdownStarted = false;

  constructor(logger: LoggerService) {
    this.#logger = logger;
  }

  addStartupHook(hook: Hook, options?: { logger?: LoggerService }): void {
    if (this.#started) throw new OpenstageError('LIFE_STARTUP_HOOK_AFTER_STARTUP', {});
    this.#startupHooks.push({ hook, ...(options?.logger ? { logger: options.logger } : {}) });
  }

  addShutdownHook(hook: Hook, options?: { logger?: LoggerService }): void {
    if (this.#shutdownStarted) throw new OpenstageError('LIFE_SHUTDOWN_HOOK_AFTER_SHUTDOWN', {});
    this.#shutdownHooks.push({ hook, ...(options?.logger ? { logger: options.logger } : {}) });
  }

  async startup(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    await Promise.all(
      this.#startupHooks.map(async ({ hook, logger }) => {
        try {
          await hook();
        } catch (error) {
          (logger ?? this.#logger).error('Startup hook failed', error as Error);
          throw error;
        }
      }),
    );
  }

  async shutdown(): Promise<void> {
    if (this.#shutdownStarted) return;
    this.#shutdownStarted = true;
    await runAll(this.#shutdownHooks, this.#logger, 'Shutdown hook failed');
  }
}
