import type {
  JsonObject,
  MockSchedulerFactoryOptions,
  MockSchedulerService as MockSchedulerServiceShape,
  SchedulerServiceTaskDescriptor,
  SchedulerServiceTaskFunction,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
  SchedulerServiceTaskScheduleDefinition,
} from '@openstage/spec';
import { taskErrors } from '../services/scheduler/taskErrors.js';

type TaskDefinition = SchedulerServiceTaskScheduleDefinition &
  SchedulerServiceTaskInvocationDefinition;

interface TaskState {
  definition: TaskDefinition;
  run?: { controller: AbortController; done: Promise<void> };
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The mock scheduler (TEST-101 to TEST-112): tasks never run on a timer, only on startup and when
 * triggered, so a test decides when work happens and can await it.
 */
export class MockSchedulerService implements MockSchedulerServiceShape {
  readonly #pluginId: string;
  readonly #tasks = new Map<string, TaskState>();
  readonly #waiters = new Map<string, Waiter[]>();
  /** Aborted when the plugin shuts down (TEST-111). */
  readonly #shutdown = new AbortController();

  constructor(options: { pluginId?: string } = {}) {
    this.#pluginId = options.pluginId ?? 'test';
  }

  /**
   * The startup run of TEST-101 to TEST-104: every task scheduled so far, except manual ones and
   * ones with an initial delay unless the options include them. Failures are left to the tasks'
   * waiters; startup itself never fails because of a task.
   */
  async runStartupTasks(options: MockSchedulerFactoryOptions = {}): Promise<void> {
    if (options.skipTaskRunOnStartup === true) return;
    const due = [...this.#tasks.values()].filter(({ definition }) => {
      const manual = (definition.frequency as { trigger?: unknown }).trigger === 'manual';
      if (manual && options.includeManualTasksOnStartup !== true) return false;
      if (
        definition.initialDelay !== undefined &&
        options.includeInitialDelayedTasksOnStartup !== true
      )
        return false;
      return true;
    });
    await Promise.all(due.map((state) => (state.run ? state.run.done : this.#start(state))));
  }

  /** Aborts every task's signal; called in the plugin's shutdown (TEST-111). */
  shutdown(): void {
    this.#shutdown.abort();
    for (const state of this.#tasks.values()) state.run?.controller.abort();
  }

  triggerTask = async (id: string): Promise<void> => {
    const state = this.#tasks.get(id);
    if (state === undefined) throw taskErrors.notFound(this.#pluginId, id);
    if (state.run !== undefined) throw taskErrors.running(this.#pluginId, id);
    await this.#start(state);
  };

  cancelTask = async (id: string): Promise<void> => {
    const state = this.#tasks.get(id);
    if (state === undefined) throw taskErrors.notFound(this.#pluginId, id);
    if (state.run === undefined) throw taskErrors.notRunning(this.#pluginId, id);
    state.run.controller.abort();
  };

  scheduleTask = async (task: TaskDefinition): Promise<void> => {
    if (typeof task?.id !== 'string' || typeof task.fn !== 'function') {
      throw new TypeError(
        `Mock scheduler of plugin '${this.#pluginId}' needs a task with a string id and a fn`,
      );
    }
    // Rescheduling replaces the definition, as a restarted plugin would.
    const existing = this.#tasks.get(task.id);
    this.#tasks.set(task.id, { definition: task, ...(existing?.run ? { run: existing.run } : {}) });
  };

  createScheduledTaskRunner = (
    schedule: SchedulerServiceTaskScheduleDefinition,
  ): SchedulerServiceTaskRunner => ({
    run: (task) => this.scheduleTask({ ...schedule, ...task }),
  });

  getScheduledTasks = async (): Promise<SchedulerServiceTaskDescriptor[]> =>
    [...this.#tasks.values()].map(({ definition }) => ({
      id: definition.id,
      scope: definition.scope ?? 'global',
      settings: { version: 2, ...describeSchedule(definition) },
    }));

  waitForTask = (id: string): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const list = this.#waiters.get(id) ?? [];
      list.push({ resolve, reject });
      this.#waiters.set(id, list);
    });

  /** Runs the task once; resolves when the run has settled, whether it failed or not (TEST-106). */
  #start(state: TaskState): Promise<void> {
    const controller = new AbortController();
    const signals = [
      controller.signal,
      this.#shutdown.signal,
      ...(state.definition.signal ? [state.definition.signal] : []),
    ];
    const signal = AbortSignal.any(signals);
    const fn: SchedulerServiceTaskFunction = state.definition.fn;
    // The run is recorded before fn starts, so a trigger from inside fn already sees it running.
    const run: { controller: AbortController; done: Promise<void> } = {
      controller,
      done: Promise.resolve(),
    };
    state.run = run;
    run.done = (async () => {
      let failure: { error: unknown } | undefined;
      try {
        await fn(signal);
      } catch (error) {
        failure = { error };
      } finally {
        if (state.run === run) state.run = undefined;
      }
      const waiters = this.#waiters.get(state.definition.id) ?? [];
      this.#waiters.delete(state.definition.id);
      for (const waiter of waiters) {
        if (failure) waiter.reject(failure.error);
        else waiter.resolve();
      }
    })();
    return run.done;
  }
}

function describeSchedule(definition: TaskDefinition): JsonObject {
  const settings: JsonObject = {
    cadence: JSON.parse(JSON.stringify(definition.frequency)) as JsonObject,
    timeout: JSON.parse(JSON.stringify(definition.timeout)) as JsonObject,
  };
  if (definition.initialDelay !== undefined) {
    settings['initialDelay'] = JSON.parse(JSON.stringify(definition.initialDelay)) as JsonObject;
  }
  return settings;
}
