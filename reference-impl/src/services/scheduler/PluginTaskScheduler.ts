import type {
  DatabaseService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskDescriptor,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
  SchedulerServiceTaskScheduleDefinition,
  SchedulerServiceTaskScope,
} from '@openstage/spec';
import type { Knex } from 'knex';
import { cadenceFromSettings } from './cadenceFromSettings.js';
import { GlobalTaskWorker } from './GlobalTaskWorker.js';
import { LocalTaskWorker } from './LocalTaskWorker.js';
import { migrateSchedulerTables } from './migrateSchedulerTables.js';
import { assertValidTaskId, parseTaskSchedule } from './parseTaskSchedule.js';
import { systemSchedulerClock, type SchedulerClock } from './SchedulerClock.js';
import { SchedulerError } from './SchedulerError.js';
import { serializeRunError } from './serializeRunError.js';
import { taskErrors } from './taskErrors.js';
import { TaskStore, type TaskUpdateOutcome } from './TaskStore.js';
import { parseStoredSettings } from './TaskSettingsV2.js';
import type { TaskState, TaskWorker, WorkerState } from './TaskWorker.js';

/** How often expired leases are released (SCHED-055). */
const JANITOR_INTERVAL_MS = 60_000;

/** What a plugin's scheduler needs from its surroundings. */
export interface PluginTaskSchedulerOptions {
  readonly pluginId: string;
  /** The plugin's database; only used once a global task is scheduled (SCHED-072). */
  readonly database: DatabaseService;
  readonly logger: LoggerService;
  /** Aborts when the root shutdown phase begins (SCHED-046, SCHED-047). */
  readonly shutdownSignal: AbortSignal;
  /**
   * The time source of every worker and of the task store; when given, global tasks store and
   * compare its time instead of the database's (TEST-237). Defaults to the wall clock.
   */
  readonly clock?: SchedulerClock;
}

/** One task row of the tasks route (SCHED-113). */
export interface TaskDetails {
  readonly taskId: string;
  readonly pluginId: string;
  readonly scope: SchedulerServiceTaskScope;
  readonly settings: SchedulerServiceTaskDescriptor['settings'];
  readonly taskState: TaskState;
  readonly workerState: WorkerState;
}

interface ScheduledTask {
  readonly descriptor: SchedulerServiceTaskDescriptor;
  readonly worker: TaskWorker;
}

/** The `scheduler` service of one plugin (SCHED-001 to SCHED-013). */
export class PluginTaskScheduler implements SchedulerService {
  readonly #tasks = new Map<string, ScheduledTask>();
  readonly #pending = new Set<string>();
  #store: Promise<TaskStore> | undefined;
  #janitor: unknown;
  readonly #clock: SchedulerClock;

  constructor(private readonly options: PluginTaskSchedulerOptions) {
    this.#clock = options.clock ?? systemSchedulerClock;
    options.shutdownSignal.addEventListener(
      'abort',
      () => this.#clock.clearTimeout(this.#janitor),
      {
        once: true,
      },
    );
  }

  get pluginId(): string {
    return this.options.pluginId;
  }

  async scheduleTask(
    task: SchedulerServiceTaskScheduleDefinition & SchedulerServiceTaskInvocationDefinition,
  ): Promise<void> {
    const { pluginId, logger, shutdownSignal } = this.options;
    const id: unknown = (task as Partial<SchedulerServiceTaskInvocationDefinition> | undefined)?.id;
    assertValidTaskId(id, pluginId);
    if (this.#tasks.has(id) || this.#pending.has(id)) {
      throw new SchedulerError('SCHED_DUPLICATE_TASK', { pluginId, taskId: id });
    }
    const schedule = parseTaskSchedule(task, { pluginId, taskId: id });
    if (typeof task.fn !== 'function') {
      throw new TypeError(
        `Task '${id}' of plugin '${pluginId}' has no function: 'fn' must be a function`,
      );
    }
    const taskLogger = logger.child({ task: id });
    const context = {
      pluginId,
      logger: taskLogger,
      shutdownSignal,
      taskSignal: task.signal,
      clock: this.#clock,
    };
    // Reserve the id across the awaits below, so a concurrent duplicate is rejected (SCHED-006).
    this.#pending.add(id);
    let worker: TaskWorker;
    try {
      if (schedule.scope === 'global') {
        const store = await this.#persistFailure(id, () => this.#getStore());
        const global = new GlobalTaskWorker(id, task.fn, schedule, { ...context, store });
        await this.#persistFailure(id, () => global.persist());
        worker = global;
      } else {
        worker = new LocalTaskWorker(id, task.fn, schedule, context);
      }
    } finally {
      this.#pending.delete(id);
    }
    this.#tasks.set(id, {
      descriptor: { id, scope: schedule.scope, settings: { ...schedule.settings } },
      worker,
    });
    taskLogger.info(`Task '${id}' scheduled with scope ${schedule.scope}`, {
      settings: { ...schedule.settings },
    });
    if (!shutdownSignal.aborted && task.signal?.aborted !== true) worker.start();
  }

  createScheduledTaskRunner(
    schedule: SchedulerServiceTaskScheduleDefinition,
  ): SchedulerServiceTaskRunner {
    // Nothing happens until run (SCHED-009); run validates the schedule like scheduleTask (SCHED-011).
    return {
      run: (task) =>
        this.scheduleTask({
          ...schedule,
          id: task.id,
          fn: task.fn,
          ...(task.signal === undefined ? {} : { signal: task.signal }),
        }),
    };
  }

  async getScheduledTasks(): Promise<SchedulerServiceTaskDescriptor[]> {
    return [...this.#tasks.values()].map(({ descriptor }) => ({
      ...descriptor,
      settings: { ...descriptor.settings },
    }));
  }

  async triggerTask(id: string): Promise<void> {
    const worker = this.#tasks.get(id)?.worker;
    if (worker !== undefined) return worker.trigger();
    // SCHED-085: a global task another instance scheduled is triggered through the database.
    this.#throwUnlessDone(id, await this.#withStoredTask(id, (store) => store.trigger(id)));
  }

  async cancelTask(id: string): Promise<void> {
    const worker = this.#tasks.get(id)?.worker;
    if (worker !== undefined) return worker.cancel();
    const outcome = await this.#withStoredTask(id, (store) =>
      store.cancel(
        id,
        (row) => {
          const settings = parseStoredSettings(row.settingsJson);
          return settings === undefined ? undefined : cadenceFromSettings(settings);
        },
        serializeRunError(new Error('Task was cancelled')),
      ),
    );
    this.#throwUnlessDone(id, outcome);
  }

  /** The rows of the tasks route, in scheduling order (SCHED-112 to SCHED-116). */
  async listTaskDetails(): Promise<TaskDetails[]> {
    return Promise.all(
      [...this.#tasks.values()].map(async ({ descriptor, worker }) => ({
        taskId: descriptor.id,
        pluginId: this.options.pluginId,
        scope: descriptor.scope,
        settings: { ...descriptor.settings },
        taskState: await worker.taskState().catch(() => null),
        workerState: worker.workerState(),
      })),
    );
  }

  /** Resolves once every worker's loop has ended; for shutdown and tests. */
  async stopped(): Promise<void> {
    await Promise.all([...this.#tasks.values()].map(({ worker }) => worker.stopped()));
  }

  #throwUnlessDone(id: string, outcome: TaskUpdateOutcome): void {
    const { pluginId } = this.options;
    if (outcome === 'missing') throw taskErrors.notFound(pluginId, id);
    if (outcome === 'running') throw taskErrors.running(pluginId, id);
    if (outcome === 'idle') throw taskErrors.notRunning(pluginId, id);
  }

  async #withStoredTask(
    id: string,
    action: (store: TaskStore) => Promise<TaskUpdateOutcome>,
  ): Promise<TaskUpdateOutcome> {
    if (typeof id !== 'string' || id === '') return 'missing';
    let store: TaskStore;
    try {
      store = await this.#getStore();
    } catch {
      // A plugin without a usable database has no global tasks to find.
      return 'missing';
    }
    return action(store);
  }

  async #persistFailure<T>(taskId: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (cause) {
      const { pluginId } = this.options;
      throw new SchedulerError(
        'SCHED_PERSIST_FAILED',
        { pluginId, taskId, reason: cause instanceof Error ? cause.message : String(cause) },
        { cause },
      );
    }
  }

  /** The plugin's task store, migrated unless the database service says to skip (SCHED-061). */
  #getStore(): Promise<TaskStore> {
    this.#store ??= (async () => {
      const { database, logger, shutdownSignal } = this.options;
      // The database service is typed with an unknown client; the default one hands out Knex.
      const knex = (await database.getClient()) as Knex;
      if (database.migrations?.skip !== true) await migrateSchedulerTables(knex);
      const store = new TaskStore(knex, this.options.clock ? { clock: this.options.clock } : {});
      const sweep = (): Promise<void> => {
        if (shutdownSignal.aborted) return Promise.resolve();
        this.#janitor = this.#clock.setTimeout(sweep, JANITOR_INTERVAL_MS);
        // A janitor alone must not keep the process alive.
        (this.#janitor as { unref?: () => void }).unref?.();
        return store.releaseExpiredLeases().then(
          () => undefined,
          (error: unknown) => {
            logger.warn(`Scheduler could not release expired task leases: ${String(error)}`);
          },
        );
      };
      if (!shutdownSignal.aborted) {
        this.#janitor = this.#clock.setTimeout(sweep, JANITOR_INTERVAL_MS);
        (this.#janitor as { unref?: () => void }).unref?.();
      }
      return store;
    })();
    this.#store.catch(() => {
      this.#store = undefined; // let a later call retry, for example once the database is back
    });
    return this.#store;
  }
}
