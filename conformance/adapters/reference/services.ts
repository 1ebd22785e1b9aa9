/**
 * The reference implementation's service factories, as the service suites judge them (class
 * `service`, default profile unless noted). Every declared service goes into each service
 * backend, so the map also holds the services the tested ones depend on (rootHealth, auditor,
 * permissionsRegistry, userInfo).
 */
import type { Config, ServiceFactory } from '@openstage/spec';
import {
  auditorServiceFactory,
  authServiceFactory,
  databaseServiceFactory,
  discoveryServiceFactory,
  httpAuthServiceFactory,
  httpRouterServiceFactory,
  lifecycleServiceFactory,
  loggerServiceFactory,
  permissionsRegistryServiceFactory,
  permissionsServiceFactory,
  rootHealthServiceFactory,
  rootHttpRouterServiceFactory,
  urlReaderServiceFactory,
  userInfoServiceFactory,
} from '@openstage/reference-impl/defaults';
import { coreServices, createServiceFactory } from '@openstage/reference-impl';
import { CacheManager } from '@openstage/reference-impl/services/cache';
import {
  ConfigReader,
  collectSecrets,
  loadSpecSchemas,
} from '@openstage/reference-impl/services/rootConfig';
import { createRootLoggerFromConfig } from '@openstage/reference-impl/services/rootLogger';
import { createSchedulerServiceFactory } from '@openstage/reference-impl/services/scheduler';
import type { ServiceUnderTest, ServicesUnderTest } from '../../src/harness/ConformanceAdapter.js';

const as = (factory: unknown): ServiceFactory => factory as ServiceFactory;
const fixed = (
  factory: unknown,
  profile: 'default' | 'interface' = 'default',
): ServiceUnderTest => ({
  profile,
  factory: () => as(factory),
});

/** The reference services under test, by service id. */
export const referenceServices: ServicesUnderTest = {
  // The default factory loads files and environment; the suite judges the configuration reader
  // it builds on, serving the suite's data (interface profile).
  'core.rootConfig': {
    profile: 'interface',
    factory: ({ config }) =>
      as(
        createServiceFactory({
          service: coreServices.rootConfig,
          deps: {},
          factory: () => ConfigReader.fromData(config, 'conformance') as never,
        }),
      ),
  },
  // The default root logger, writing to the suite's sink. The suite's rootConfig is a bare
  // reader that computes no secrets, so the logger collects them with the spec's schemas, as the
  // default rootConfig does for its own configuration (CONF-067, CONF-069).
  'core.rootLogger': {
    profile: 'default',
    factory: ({ output }) =>
      as(
        createServiceFactory({
          service: coreServices.rootLogger,
          deps: { config: coreServices.rootConfig },
          factory: async ({ config }) => {
            const schema = await loadSpecSchemas();
            return createRootLoggerFromConfig(config as unknown as Config, {
              secrets: (current) => collectSecrets(current, [schema]),
              ...(output ? { write: output } : {}),
            }) as never;
          },
        }),
      ),
  },
  'core.logger': fixed(loggerServiceFactory),
  'core.lifecycle': fixed(lifecycleServiceFactory),
  // The default cache, with the suite's clock as its time source (TEST-239).
  'core.cache': {
    profile: 'default',
    clock: true,
    factory: ({ clock }) =>
      as(
        createServiceFactory({
          service: coreServices.cache,
          deps: {
            config: coreServices.rootConfig,
            rootLifecycle: coreServices.rootLifecycle,
            rootLogger: coreServices.rootLogger,
            logger: coreServices.logger,
            pluginMetadata: coreServices.pluginMetadata,
          },
          createRootContext: ({ config, rootLifecycle, rootLogger }) =>
            CacheManager.fromConfig(config as unknown as Config, {
              ...(clock ? { clock } : {}),
              rootLifecycle,
              logger: rootLogger.child({ service: 'cache' }),
            }),
          factory: ({ pluginMetadata, logger }, manager) =>
            manager.forPlugin(pluginMetadata.getId(), { logger }),
        }),
      ),
  },
  'core.database': fixed(databaseServiceFactory),
  // The default scheduler, with the suite's clock driving its waits, due times and timeouts.
  'core.scheduler': {
    profile: 'default',
    clock: true,
    declares: { sharedDatabase: true },
    factory: ({ clock }) => as(createSchedulerServiceFactory(clock ? { clock } : {})),
  },
  'core.discovery': fixed(discoveryServiceFactory),
  'core.httpRouter': fixed(httpRouterServiceFactory),
  'core.rootHttpRouter': fixed(rootHttpRouterServiceFactory),
  'core.auth': fixed(authServiceFactory),
  'core.httpAuth': fixed(httpAuthServiceFactory),
  'core.permissions': fixed(permissionsServiceFactory),
  'core.urlReader': fixed(urlReaderServiceFactory),
  // Dependencies of the services above; no suite of their own yet.
  'core.rootHealth': fixed(rootHealthServiceFactory),
  'core.auditor': fixed(auditorServiceFactory),
  'core.permissionsRegistry': fixed(permissionsRegistryServiceFactory),
  'core.userInfo': fixed(userInfoServiceFactory),
};
