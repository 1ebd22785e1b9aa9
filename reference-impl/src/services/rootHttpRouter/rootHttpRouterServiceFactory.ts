import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import type { ServiceFactory } from '../../wireFormat/types.js';
import { createRootHttpRouter, type RootHttpRouterFactoryOptions } from './createRootHttpRouter.js';

function createFactory(options: RootHttpRouterFactoryOptions = {}) {
  return createServiceFactory({
    service: coreServices.rootHttpRouter,
    deps: {
      config: coreServices.rootConfig,
      logger: coreServices.rootLogger,
      lifecycle: coreServices.rootLifecycle,
      health: coreServices.rootHealth,
    },
    async factory({ config, logger, lifecycle, health }) {
      const { router } = await createRootHttpRouter(
        {
          config,
          logger: logger.child({ service: 'rootHttpRouter' }),
          lifecycle,
          health,
        },
        options,
      );
      return router;
    },
  });
}

/**
 * The default `core.rootHttpRouter` factory (RHTTP-001): the backend's HTTP server, listening
 * before any plugin initializes.
 *
 * **When to use**: as is, it is one of the backend's defaults. Call it with options to change
 * the index path or to take over the pipeline:
 * `rootHttpRouterServiceFactory({ indexPath: false })`,
 * `rootHttpRouterServiceFactory({ configure: ({ app, applyDefaults }) => { ...; applyDefaults(); } })`.
 *
 * @see RHTTP-009, RHTTP-039
 */
export const rootHttpRouterServiceFactory: ServiceFactory &
  ((options?: RootHttpRouterFactoryOptions) => ServiceFactory) = Object.assign(
  (options?: RootHttpRouterFactoryOptions) => createFactory(options),
  createFactory(),
);
