import { OpenstageError } from '../../errors/OpenstageError.js';
import type { LoggerService, RootLifecycleService } from '../../authoring/coreServiceTypes.js';

type Hook = () => void | Promise<void>;

/**
 * Root lifecycle: startup hooks run once after every plugin started;
 * before-shutdown hooks, then shutdown hooks, run when the backend stops.
 * Hooks of one phase run in parallel. A failing shutdown hook is logged and
 * never stops the others; a failing startup hook fails startup.
 */
export class DefaultRootLifecycleService implements RootLifecycleService {
  readonly #logger: LoggerService;
  readonly #startupHooks: Array<{ hook: Hook; logger?: LoggerService }> = [];
  readonly #beforeShutdownHooks: Hook[] = [];
  readonly #shutdownHooks: Array<{ hook: Hook; logger?: LoggerService }> = [];
  #started = false;
  #beforeShutdownStarted = false;
  #shutdownStarted = false;

  constructor(logger: LoggerService) {
    this.#logger = logger;
  }

  addStartupHook(hook: Hook, options?: { logger?: LoggerService }): void {
    if (this.#started) throw new OpenstageError('LIFE_STARTUP_HOOK_AFTER_STARTUP', {});
    this.#startupHooks.push({ hook, ...(options?.logger ? { logger: options.logger } : {}) });
  }

  addBeforeShutdownHook(hook: Hook): void {
    if (this.#beforeShutdownStarted) {
      throw new OpenstageError('LIFE_BEFORE_SHUTDOWN_HOOK_AFTER_SHUTDOWN', {});
    }
    this.#beforeShutdownHooks.push(hook);
  }

  addShutdownHook(hook: Hook, options?: { logger?: LoggerService }): void {
    if (this.#shutdownStarted) throw new OpenstageError('LIFE_SHUTDOWN_HOOK_AFTER_SHUTDOWN', {});
    this.#shutdownHooks.push({ hook, ...(options?.logger ? { logger: options.logger } : {}) });
  }

  /** Called by the runtime once every plugin has started. */
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

  /** Called by the runtime first when stopping. */
  async beforeShutdown(): Promise<void> {
    if (this.#beforeShutdownStarted) return;
    this.#beforeShutdownStarted = true;
    await runAll(this.#beforeShutdownHooks.map((hook) => ({ hook })), this.#logger, 'Before shutdown hook failed');
  }

  /** Called by the runtime last when stopping. */
  async shutdown(): Promise<void> {
    if (this.#shutdownStarted) return;
    this.#shutdownStarted = true;
    await runAll(this.#shutdownHooks, this.#logger, 'Shutdown hook failed');
  }
}

/** Runs hooks in parallel; failures are logged and never reject. */
export async function runAll(
  hooks: ReadonlyArray<{ hook: Hook; logger?: LoggerService }>,
  fallback: LoggerService,
  message: string,
): Promise<void> {
  await Promise.all(
    hooks.map(async ({ hook, logger }) => {
      try {
        await hook();
      } catch (error) {
        (logger ?? fallback).error(message, error as Error);
      }
    }),
  );
}
