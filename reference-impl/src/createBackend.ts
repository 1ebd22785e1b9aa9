import { createSpecializedBackend, type Backend } from './runtime/createSpecializedBackend.js';
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
 * **Details**: the health service's readiness payload lists every plugin with its state, read
 * on each request from the runtime's `getPluginStates()`, so it is right during `start()` too
 * (an allowed failure reads `failed-allowed` while other plugins still start). This function is
 * the wiring: the runtime knows nothing of the health service, and the health service only sees
 * a `PluginStateSource`.
 *
 * @example
 * ```ts
 * const backend = createBackend();
 * backend.add(import('./plugins/todo.js'));
 * const { result } = await backend.start();
 * ```
 */
export function createBackend(): Backend {
  // The factory is built before the backend exists; the source reads it per request, which only
  // happens once the backend has started its root services.
  const pluginStates = { getPluginStates: () => backend.getPluginStates() };
  const backend = createSpecializedBackend({
    defaultServiceFactories: defaultServiceFactories.map((factory) =>
      factory.service.id === coreServices.rootHealth.id
        ? rootHealthServiceFactory({ pluginStates })
        : factory,
    ),
  });
  return backend;
}
