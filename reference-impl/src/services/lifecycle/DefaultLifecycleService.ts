import { OpenstageError } from '../../errors/OpenstageError.js';
import type { LifecycleService, LoggerService } from '../../authoring/coreServiceTypes.js';
import {
  assertHook,
  runHooks,
  type PhaseObserver,
  type RegisteredHook,
} from '../rootLifecycle/index.js';

type Hook = () => void | Promise<void>;

/**
 * A plugin's lifecycle (LIFE-001, LIFE-003, LIFE-005): startup hooks run
 * right after that plugin's init, shutdown hooks when the backend stops.
 * Every entry it logs carries `plugin` (LIFE-020), also through a logger
 * given in a hook's options.
 */
export class DefaultLifecycleService implements LifecycleService {
  readonly #pluginId: string;
  readonly #logger: LoggerService;
  readonly #startupHooks: RegisteredHook[] = [];
  readonly #shutdownHooks: RegisteredHook[] = [];
  #started = false;
  #shutdownStarted = false;

  constructor(logger: LoggerService, pluginId: string) {
    this.#pluginId = pluginId;
    this.#logger = logger;
  }

  addStartupHook(hook: Hook, options?: { logger?: LoggerService }): void {
    assertHook('addStartupHook', hook, this.#pluginId);
    if (this.#started)
      throw new OpenstageError('LIFE_STARTUP_HOOK_AFTER_STARTUP', { pluginId: this.#pluginId });
    this.#startupHooks.push(this.#registered(hook, options));
  }

  addShutdownHook(hook: Hook, options?: { logger?: LoggerService }): void {
    assertHook('addShutdownHook', hook, this.#pluginId);
    if (this.#shutdownStarted)
      throw new OpenstageError('LIFE_SHUTDOWN_HOOK_AFTER_SHUTDOWN', { pluginId: this.#pluginId });
    this.#shutdownHooks.push(this.#registered(hook, options));
  }

  async startup(observer?: PhaseObserver): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    await runHooks(this.#startupHooks, this.#logger, 'Startup', observer);
  }

  async shutdown(observer?: PhaseObserver): Promise<void> {
    if (this.#shutdownStarted) return;
    this.#shutdownStarted = true;
    await runHooks(this.#shutdownHooks, this.#logger, 'Shutdown', observer);
  }

  #registered(hook: Hook, options?: { logger?: LoggerService }): RegisteredHook {
    return {
      hook,
      ...(options?.logger ? { logger: options.logger.child({ plugin: this.#pluginId }) } : {}),
    };
  }
}
