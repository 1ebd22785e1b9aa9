import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import type { ServiceFactory } from '../../wireFormat/types.js';
import { DefaultRootHealthService } from './DefaultRootHealthService.js';
import type { PluginStateSource } from './PluginStateSource.js';

/** Options of {@link rootHealthServiceFactory}. */
export interface RootHealthServiceFactoryOptions {
  /** Where the readiness payload's `plugins` come from; see {@link PluginStateSource}. */
  pluginStates?: PluginStateSource;
}

function createFactory(options: RootHealthServiceFactoryOptions = {}) {
  return createServiceFactory({
    service: coreServices.rootHealth,
    deps: { lifecycle: coreServices.rootLifecycle },
    factory: ({ lifecycle }) =>
      new DefaultRootHealthService({
        lifecycle,
        ...(options.pluginStates ? { pluginStates: options.pluginStates } : {}),
      }),
  });
}

/**
 * The default `core.rootHealth` factory (HLTH-001).
 *
 * **When to use**: as is, it is one of the backend's defaults; with a {@link PluginStateSource},
 * readiness lists plugin states: `createBackend()` passes one that reads the runtime's
 * `backend.getPluginStates()`, and a backend built with `createSpecializedBackend` can do the
 * same: `rootHealthServiceFactory({ pluginStates: { getPluginStates: () => backend.getPluginStates() } })`.
 */
export const rootHealthServiceFactory: ServiceFactory &
  ((options?: RootHealthServiceFactoryOptions) => ServiceFactory) = Object.assign(
  (options?: RootHealthServiceFactoryOptions) => createFactory(options),
  createFactory(),
);
