/** What the suites call on a `core.lifecycle` instance. */
export interface PluginLifecycle {
  addStartupHook(hook: () => unknown): void;
  addShutdownHook(hook: () => unknown): void;
}

/** What the suites call on a `core.rootLifecycle` instance. */
export interface RootLifecycle extends PluginLifecycle {
  addBeforeShutdownHook(hook: () => unknown): void;
}
