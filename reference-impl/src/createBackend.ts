import { BackendStartupError } from './runtime/BackendStartupError.js';
import { createSpecializedBackend, type Backend } from './runtime/createSpecializedBackend.js';
import { RuntimePluginStates } from './backend/RuntimePluginStates.js';
import { defaultServiceFactories } from './defaultServiceFactories.js';
import { rootHealthServiceFactory } from './services/rootHealth/index.js';
import { coreServices } from './authoring/coreServices.js';

/**
 * Creates a backend with every core service installed: `createSpecializedBackend` with
 * {@link defaultServiceFactories}. Add plugins and modules, and service factories to replace a
 * default, with `add()`, then `start()`.
 *
 * **When to use**: the usual entry point of a backend's `index.ts`, as Backstage's
 * `createBackend` from `@backstage/backend-defaults` is.
 *
 * **Details**: the health service's readiness payload lists every plugin with its state, fed
 * from this backend's startup timeline and result.
 *
 * @example
 * ```ts
 * const backend = createBackend();
 * backend.add(import('./plugins/todo.js'));
 * const { result } = await backend.start();
 * ```
 */
export function createBackend(): Backend {
  const pluginStates = new RuntimePluginStates();
  const backend = createSpecializedBackend({
    defaultServiceFactories: defaultServiceFactories.map((factory) =>
      factory.service.id === coreServices.rootHealth.id
        ? rootHealthServiceFactory({ pluginStates })
        : factory,
    ),
  });
  pluginStates.attach(() => backend.getStartupTimeline().entries);
  const start = backend.start;
  return Object.assign(backend, {
    async start() {
      try {
        const started = await start();
        pluginStates.settle(started.result);
        return started;
      } catch (error) {
        if (error instanceof BackendStartupError) pluginStates.settle(error.result);
        throw error;
      }
    },
  });
}
