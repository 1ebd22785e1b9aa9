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
  rootConfigServiceFactory,
  rootHealthServiceFactory,
  rootHttpRouterServiceFactory,
  rootLifecycleServiceFactory,
  rootSystemMetadataServiceFactory,
  urlReaderServiceFactory,
  userInfoServiceFactory,
} from '@openstage/reference-impl/defaults';
import { coreServices, createServiceFactory } from '@openstage/reference-impl';
import { CacheManager } from '@openstage/reference-impl/services/cache';
import {
  collectSecrets,
  loadSpecSchemas,
  type ConfigLogger,
} from '@openstage/reference-impl/services/rootConfig';
import { createRootLoggerFromConfig } from '@openstage/reference-impl/services/rootLogger';
import { createSchedulerServiceFactory } from '@openstage/reference-impl/services/scheduler';
import type { ServiceUnderTest, ServicesUnderTest } from '../../src/harness/ConformanceAdapter.js';
import { suiteConfigFile } from './suiteConfigFile.js';

const as = (factory: unknown): ServiceFactory => factory as ServiceFactory;
const fixed = (
  factory: unknown,
  profile: 'default' | 'interface' = 'default',
): ServiceUnderTest => ({
  profile,
  factory: () => as(factory),
});

/** Keeps the default rootConfig's "loaded config from" notes out of the suite's output. */
const quietConfigLogger: ConfigLogger = {
  info: () => undefined,
  warn: (message, meta) => console.warn(message, meta ?? ''),
  error: (message, meta) => console.error(message, meta ?? ''),
};

/**
 * The reference services under test, by service id: every service createBackend() installs by
 * default, each in the default profile (CLS-010).
 */
export const referenceServices: ServicesUnderTest = {
  // The default factory, as createBackend() installs it (CLS-010), reading the suite's data from
  // a config file given as `--config`, with no environment, no working-directory files and no
  // watching, so that it serves exactly that data.
  'core.rootConfig': {
    profile: 'default',
    factory: ({ config }) => {
      const { dir, file } = suiteConfigFile(config);
      return as(
        rootConfigServiceFactory({
          argv: ['node', 'backend', '--config', file],
          cwd: dir,
          env: {},
          watch: false,
          packageSchemas: false,
          logger: quietConfigLogger,
        }),
      );
    },
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
  'core.rootLifecycle': fixed(rootLifecycleServiceFactory),
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
  'core.rootSystemMetadata': fixed(rootSystemMetadataServiceFactory),
};
