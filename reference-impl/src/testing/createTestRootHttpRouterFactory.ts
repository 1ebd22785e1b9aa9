import type { Server } from 'node:http';
import type {
  LoggerService,
  RootHealthService,
  RootHttpRouterService,
  RootLifecycleService,
} from '@openstage/spec';
import { createServiceFactory } from '../authoring/createServiceFactory.js';
import { ConfigReader } from '../services/rootConfig/ConfigReader.js';
import { createRootHttpRouter } from '../services/rootHttpRouter/createRootHttpRouter.js';
import { coreServiceRefs as refs } from './coreServiceRefs.js';

/** The HTTP server of a test backend: node's server with the chosen port (TEST-006). */
export type TestServer = Server & { port(): number };

/** Where a test backend's root HTTP router leaves its server, for `backend.server` and discovery. */
export interface TestServerSlot {
  server?: TestServer;
}

/**
 * The root HTTP router of a test backend (TEST-029, TEST-030): the default router on a port the
 * operating system picks, with only the health endpoints, the plugin routes, the 404 handler and
 * the error handler — no security headers, CORS, compression, request logging or rate limits,
 * which would only get in a test's way.
 */
export function createTestRootHttpRouterFactory(slot: TestServerSlot) {
  return createServiceFactory({
    service: refs.rootHttpRouter,
    deps: { logger: refs.rootLogger, lifecycle: refs.rootLifecycle, health: refs.rootHealth },
    async factory({ logger, lifecycle, health }): Promise<RootHttpRouterService> {
      // A fixed configuration: the test's own config must not move the port or turn on TLS.
      const config = ConfigReader.fromData({ backend: { listen: { port: 0 } } }, 'test backend');
      const { router, server } = await createRootHttpRouter(
        {
          config,
          logger: (logger as LoggerService).child({ service: 'rootHttpRouter' }),
          lifecycle: lifecycle as RootLifecycleService,
          health: health as RootHealthService,
        },
        {
          configure: ({ app, healthRouter, routes, middleware }) => {
            app.use(healthRouter);
            app.use(routes);
            app.use(middleware.notFound());
            app.use(middleware.error());
          },
        },
      );
      slot.server = Object.assign(server.server, { port: () => server.port() });
      return router;
    },
  });
}
