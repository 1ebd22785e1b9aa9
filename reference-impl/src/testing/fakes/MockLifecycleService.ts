import type {
  ControllableRootLifecycleService,
  LifecycleServiceShutdownHook,
  LifecycleServiceStartupHook,
} from '@openstage/spec';

type Hook = () => void | Promise<void>;

/** Runs every hook, each once, and resolves when all have settled; failures are collected. */
async function runAll(hooks: Hook[]): Promise<void> {
  const results = await Promise.allSettled(hooks.map(async (hook) => hook()));
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0) {
    throw new AggregateError(
      failures.map((f) => f.reason as unknown),
      `${failures.length} lifecycle hook(s) failed`,
    );
  }
}

/**
 * The in-memory lifecycle of `mockServices.lifecycle()` and `mockServices.rootLifecycle()`
 * (TEST-085, TEST-086): the test drives the phases by calling `startup()`, `beforeShutdown()` and
 * `shutdown()`; each resolves once all of its hooks have settled and rejects with an
 * `AggregateError` of the hooks that failed.
 */
export class MockLifecycleService implements ControllableRootLifecycleService {
  readonly #startup: Hook[] = [];
  readonly #beforeShutdown: Hook[] = [];
  readonly #shutdown: Hook[] = [];

  addStartupHook = (hook: LifecycleServiceStartupHook): void => {
    this.#startup.push(hook);
  };

  addShutdownHook = (hook: LifecycleServiceShutdownHook): void => {
    this.#shutdown.push(hook);
  };

  addBeforeShutdownHook = (hook: () => void | Promise<void>): void => {
    this.#beforeShutdown.push(hook);
  };

  startup = (): Promise<void> => runAll(this.#startup);
  beforeShutdown = (): Promise<void> => runAll(this.#beforeShutdown);
  shutdown = (): Promise<void> => runAll(this.#shutdown);
}
