/** Something that can be stopped when the process is asked to exit. */
export interface StoppableBackend {
  stop(): Promise<unknown>;
}

/** The process surface the registry needs; injectable for tests. */
export interface SignalTarget {
  addListener(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
}

/**
 * Stops every live backend once when the process receives SIGINT or SIGTERM
 * (or is about to exit), then exits with 0, or 1 when a stop failed. The
 * listeners are installed by the first backend that starts.
 */
export class BackendInstanceRegistry {
  readonly #target: SignalTarget;
  readonly #exit: (code: number) => void;
  readonly #report: (error: unknown) => void;
  readonly #instances = new Set<StoppableBackend>();
  #installed = false;
  #exiting: Promise<void> | undefined;

  constructor(options: {
    target: SignalTarget;
    exit: (code: number) => void;
    report?: (error: unknown) => void;
  }) {
    this.#target = options.target;
    this.#exit = options.exit;
    this.#report = options.report ?? ((error) => console.error(error));
  }

  register(instance: StoppableBackend): void {
    if (!this.#installed) {
      this.#installed = true;
      for (const signal of ['SIGTERM', 'SIGINT', 'beforeExit']) {
        this.#target.addListener(signal, this.#onSignal);
      }
    }
    this.#instances.add(instance);
  }

  /** Called once a backend's shutdown completed (STOP-007); the last one removes the listeners (STOP-048). */
  unregister(instance: StoppableBackend): void {
    this.#instances.delete(instance);
    if (this.#instances.size === 0 && this.#installed && !this.#exiting) {
      this.#installed = false;
      for (const signal of ['SIGTERM', 'SIGINT', 'beforeExit']) {
        this.#target.removeListener(signal, this.#onSignal);
      }
    }
  }

  /** Live instances (for tests and diagnostics). */
  get size(): number {
    return this.#instances.size;
  }

  readonly #onSignal = (): void => {
    // A second signal while stopping must not stop anything twice.
    this.#exiting ??= this.#stopAll();
  };

  async #stopAll(): Promise<void> {
    const results = await Promise.allSettled([...this.#instances].map((b) => b.stop()));
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    for (const error of errors) this.#report(error);
    this.#exit(errors.length > 0 ? 1 : 0);
  }
}

/** The process-wide registry used by every backend created without an override. */
export const processInstanceRegistry = new BackendInstanceRegistry({
  target: process,
  exit: (code) => process.exit(code),
});
