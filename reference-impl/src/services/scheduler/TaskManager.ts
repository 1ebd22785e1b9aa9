import type { DatabaseService, LoggerService, RootLifecycleService } from '@openstage/spec';
import { PluginTaskScheduler } from './PluginTaskScheduler.js';
import type { SchedulerClock } from './SchedulerClock.js';

/** How long shutdown waits for aborted runs to return before it lets the backend go on. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * The root context of the scheduler: one per backend, handing out a {@link PluginTaskScheduler}
 * per plugin and aborting every run when the root shutdown phase begins (SCHED-046, SCHED-047).
 */
export class TaskManager {
  readonly #shutdown = new AbortController();
  readonly #schedulers: PluginTaskScheduler[] = [];

  /**
   * @param options.clock - drives every plugin's scheduler instead of the wall clock, such as
   *   the fake clock of the test kit (TEST-236 to TEST-238).
   */
  constructor(private readonly options: { clock?: SchedulerClock } = {}) {}

  /** A manager whose runs are aborted by the root lifecycle's shutdown. */
  static create(options: {
    rootLifecycle: Pick<RootLifecycleService, 'addShutdownHook'>;
    clock?: SchedulerClock;
  }): TaskManager {
    const manager = new TaskManager(options.clock ? { clock: options.clock } : {});
    options.rootLifecycle.addShutdownHook(() => manager.shutdown());
    return manager;
  }

  forPlugin(options: {
    pluginId: string;
    database: DatabaseService;
    logger: LoggerService;
  }): PluginTaskScheduler {
    const scheduler = new PluginTaskScheduler({
      ...options,
      shutdownSignal: this.#shutdown.signal,
      ...(this.options.clock ? { clock: this.options.clock } : {}),
    });
    this.#schedulers.push(scheduler);
    return scheduler;
  }

  /** Aborts every run, stops every worker and waits (boundedly) for the runs to return. */
  async shutdown(): Promise<void> {
    this.#shutdown.abort(new Error('The backend is shutting down'));
    // Real time on purpose: nothing advances a fake clock during shutdown, and the grace period
    // only bounds how long shutdown waits.
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SHUTDOWN_GRACE_MS);
      timer.unref();
    });
    await Promise.race([Promise.all(this.#schedulers.map((s) => s.stopped())), grace]);
    clearTimeout(timer);
  }
}
