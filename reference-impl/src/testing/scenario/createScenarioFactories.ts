import type {
  Config,
  LoggerService,
  RootLifecycleService,
  ServiceFactory,
  TestBackendOptions,
} from '@openstage/spec';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { CacheManager } from '../../services/cache/CacheManager.js';
import { DatabaseManager } from '../../services/database/DatabaseManager.js';
import { createSchedulerServiceFactory } from '../../services/scheduler/schedulerServiceFactory.js';
import { ConfigReader } from '../../services/rootConfig/ConfigReader.js';
import type { SchedulerClock } from '../../services/scheduler/SchedulerClock.js';
import { coreServiceRefs as refs } from '../coreServiceRefs.js';
import { sharedDatabaseConfig } from './createSharedTestDatabase.js';

/**
 * The default factories the lifecycle scenario harness swaps in (TEST-236 to TEST-253):
 * a cache that measures expiry with `clock`, databases on `sharedDatabase`, and the default
 * scheduler when either option is given. Empty when neither is.
 */
export function createScenarioFactories(options: TestBackendOptions<unknown[]>): ServiceFactory[] {
  const factories: ServiceFactory[] = [];
  const { clock, sharedDatabase } = options;
  if (clock !== undefined) {
    // TEST-239: the default cache, with the fake clock as its time source.
    factories.push(
      createServiceFactory({
        service: refs.cache,
        deps: {
          config: refs.rootConfig,
          rootLifecycle: refs.rootLifecycle,
          rootLogger: refs.rootLogger,
          logger: refs.logger,
          pluginMetadata: refs.pluginMetadata,
        },
        createRootContext: ({ config, rootLifecycle, rootLogger }) =>
          CacheManager.fromConfig(config, {
            clock,
            rootLifecycle,
            logger: rootLogger.child({ service: 'cache' }),
          }),
        factory: ({ pluginMetadata, logger }, manager) =>
          manager.forPlugin(pluginMetadata.getId(), { logger }),
      }) as ServiceFactory,
    );
  }
  if (sharedDatabase !== undefined) {
    const database = sharedDatabaseConfig(sharedDatabase);
    // TEST-249, TEST-250: the default database service, configured onto the shared databases.
    factories.push(
      createServiceFactory({
        service: refs.database,
        deps: {
          rootLifecycle: refs.rootLifecycle,
          rootLogger: refs.rootLogger,
          pluginMetadata: refs.pluginMetadata,
        },
        createRootContext: ({ rootLifecycle, rootLogger }) =>
          DatabaseManager.fromConfig(
            ConfigReader.fromData({ backend: { database } }, 'shared test database') as Config,
            {
              rootLifecycle: rootLifecycle as RootLifecycleService,
              logger: (rootLogger as LoggerService).child({ service: 'database' }),
            },
          ),
        factory: ({ pluginMetadata }, manager) => manager.forPlugin(pluginMetadata.getId()),
      }) as ServiceFactory,
    );
  }
  // TEST-236, TEST-251: the default scheduler rather than the mock, driven by the fake clock
  // when there is one (TEST-237, TEST-238).
  if (clock !== undefined || sharedDatabase !== undefined)
    factories.push(
      createSchedulerServiceFactory(
        clock === undefined ? {} : { clock: asSchedulerClock(clock) },
      ) as unknown as ServiceFactory,
    );
  return factories;
}

/**
 * The scheduler needs timers on the fake clock besides its time; the clock of
 * `createFakeClock` has them, a hand-written `{ now, advance }` does not.
 */
function asSchedulerClock(
  clock: NonNullable<TestBackendOptions<unknown[]>['clock']>,
): SchedulerClock {
  const candidate = clock as Partial<SchedulerClock>;
  if (typeof candidate.setTimeout !== 'function' || typeof candidate.clearTimeout !== 'function') {
    throw new TypeError(
      'options.clock of the test backend must come from createFakeClock(): the scheduler needs its setTimeout and clearTimeout, which this clock lacks',
    );
  }
  return candidate as SchedulerClock;
}
