import { OpenstageError } from '../../errors/OpenstageError.js';
import type { LoggerService, RootLifecycleService } from '../../authoring/coreServiceTypes.js';
import { describeHook, runHooks, type PhaseObserver, type RegisteredHook } from './runHooks.js';

type Hook = () => void | Promise<void>;

/**
 * The backend-wide lifecycle (LIFE-002, LIFE-004, LIFE-006): startup hooks
 * run once after every plugin started; before-shutdown hooks, then shutdown
 * hooks, run when the backend stops. Each phase runs its hooks at most once
 * (LIFE-013), all at once, and never rejects (LIFE-018).
 */
export class DefaultRootLifecycleService implements RootLifecycleService {
  readonly #logger: LoggerService;
  readonly #startupHooks: RegisteredHook[] = [];
  readonly #beforeShutdownHooks: RegisteredHook[] = [];
  readonly #shutdownHooks: RegisteredHook[] = [];
  #started = false;
  #beforeShutdownStarted = false;
  #shutdownStarted = false;

  constructor(logger: LoggerService) {
    this.#logger = logger;
  }

  addStartupHook(hook: Hook, options?: { logger?: LoggerService }): void {
    assertHook('addStartupHook', hook);
    if (this.#started) throw new OpenstageError('LIFE_STARTUP_HOOK_AFTER_STARTUP', {});
    this.#startupHooks.push({ hook, ...(options?.logger ? { logger: options.logger } : {}) });
  }

  addBeforeShutdownHook(hook: Hook): void {
    assertHook('addBeforeShutdownHook', hook);
    if (this.#beforeShutdownStarted)
      throw new OpenstageError('LIFE_BEFORE_SHUTDOWN_HOOK_AFTER_SHUTDOWN', {});
    this.#beforeShutdownHooks.push({ hook });
  }

  addShutdownHook(hook: Hook, options?: { logger?: LoggerService }): void {
    assertHook('addShutdownHook', hook);
    if (this.#shutdownStarted) throw new OpenstageError('LIFE_SHUTDOWN_HOOK_AFTER_SHUTDOWN', {});
    this.#shutdownHooks.push({ hook, ...(options?.logger ? { logger: options.logger } : {}) });
  }

  /** Called by the runtime once every plugin has started. */
  async startup(observer?: PhaseObserver): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    await runHooks(this.#startupHooks, this.#logger, 'Startup', observer);
  }

  /** Called by the runtime first when stopping. */
  async beforeShutdown(observer?: PhaseObserver): Promise<void> {
    if (this.#beforeShutdownStarted) return;
    this.#beforeShutdownStarted = true;
    await runHooks(this.#beforeShutdownHooks, this.#logger, 'Before shutdown', observer);
  }

  /** Called by the runtime last when stopping. */
  async shutdown(observer?: PhaseObserver): Promise<void> {
    if (this.#shutdownStarted) return;
    this.#shutdownStarted = true;
    await runHooks(this.#shutdownHooks, this.#logger, 'Shutdown', observer);
  }
}

/** LIFE-008: refuse a non-function hook where it is added, not when it runs. */
export function assertHook(method: string, hook: unknown, pluginId?: string): asserts hook is Hook {
  if (typeof hook !== 'function') {
    throw new OpenstageError('LIFE_INVALID_HOOK', {
      method,
      received: describeHook(hook),
      ...(pluginId !== undefined ? { pluginId } : {}),
    });
  }
}
