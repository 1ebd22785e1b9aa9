import type {
  AuditorService,
  AuthService,
  BackstageCredentials,
  BackstageUserInfo,
  CacheService,
  Config,
  DatabaseService,
  DiscoveryService,
  HttpAuthService,
  HttpRouterService,
  JsonObject,
  LifecycleService,
  LoggerService,
  MockLogLevel,
  MockSchedulerFactoryOptions,
  MockServiceEntry,
  MockServices,
  PermissionsRegistryService,
  PermissionsService,
  RootConfigService,
  RootHealthService,
  RootHttpRouterService,
  RootInstanceMetadataService,
  RootLifecycleService,
  RootLoggerService,
  RootSystemMetadataService,
  SchedulerService,
  ServiceFactory,
  ServiceScope,
  UrlReaderService,
  UserInfoService,
} from '@openstage/spec';
import { createServiceFactory } from '../authoring/createServiceFactory.js';
import { auditorServiceFactory } from '../services/auditor/auditorServiceFactory.js';
import { CacheManager } from '../services/cache/CacheManager.js';
import { cacheServiceFactory } from '../services/cache/cacheServiceFactory.js';
import { databaseServiceFactory } from '../services/database/databaseServiceFactory.js';
import { httpRouterServiceFactory } from '../services/httpRouter/httpRouterServiceFactory.js';
import { lifecycleServiceFactory } from '../services/lifecycle/lifecycleServiceFactory.js';
import { loggerServiceFactory } from '../services/logger/loggerServiceFactory.js';
import { permissionsServiceFactory } from '../services/permissions/permissionsServiceFactory.js';
import { DefaultPermissionsRegistryService } from '../services/permissionsRegistry/DefaultPermissionsRegistryService.js';
import { permissionsRegistryServiceFactory } from '../services/permissionsRegistry/permissionsRegistryServiceFactory.js';
import { rootHealthServiceFactory } from '../services/rootHealth/rootHealthServiceFactory.js';
import { rootHttpRouterServiceFactory } from '../services/rootHttpRouter/rootHttpRouterServiceFactory.js';
import { rootLifecycleServiceFactory } from '../services/rootLifecycle/rootLifecycleServiceFactory.js';
import { urlReaderServiceFactory } from '../services/urlReader/urlReaderServiceFactory.js';
import { coreServiceRefs as refs } from './coreServiceRefs.js';
import { createMockRootConfig } from './createMockRootConfig.js';
import { createServiceMock, spiesFor } from './createServiceMock.js';
import { createMockAuditor } from './fakes/createMockAuditor.js';
import { createMockPermissions } from './fakes/createMockPermissions.js';
import { createMockUrlReader } from './fakes/createMockUrlReader.js';
import { createMockHttpRouter, createMockRootHttpRouter } from './fakes/MockHttpRouters.js';
import { MockLifecycleService } from './fakes/MockLifecycleService.js';
import { MockAuthService } from './MockAuthService.js';
import { mockCredentials } from './mockCredentials.js';
import { MockHttpAuthService } from './MockHttpAuthService.js';
import { MockLogger } from './MockLogger.js';
import { MockSchedulerService } from './MockSchedulerService.js';
import { MockUserInfoService } from './MockUserInfoService.js';

/** A default factory of `services/`, seen with the spec's service type. */
function typed<TService, TScope extends ServiceScope>(
  factory: unknown,
): ServiceFactory<TService, TScope, 'singleton'> {
  // The service folders build factories on the authoring API's refs, some still typed opaque;
  // the object is the same, only its compile-time service type is restored here.
  return factory as ServiceFactory<TService, TScope, 'singleton'>;
}

function entry<
  TService,
  TScope extends ServiceScope,
  TFake extends TService,
  TOptions,
  TFactoryOptions,
>(
  fake: (options?: TOptions) => TFake,
  factory: (options?: TFactoryOptions) => ServiceFactory<TService, TScope>,
  mock: (partial?: Partial<TService>) => ReturnType<MockServiceEntry<TService, TScope>['mock']>,
): MockServiceEntry<TService, TScope, TFake, TOptions, TFactoryOptions> {
  // Every core ref is a singleton; createServiceFactory infers the instances type only as the
  // union from refs typed by the spec, so it is narrowed back here.
  const singletonFactory = factory as (
    options?: TFactoryOptions,
  ) => ServiceFactory<TService, TScope, 'singleton'>;
  return Object.assign(fake, { factory: singletonFactory, mock });
}

const LOGGER_METHODS = ['error', 'warn', 'info', 'debug', 'child'] as const;
const CONFIG_METHODS = [
  'has',
  'keys',
  'get',
  'getOptional',
  'getConfig',
  'getOptionalConfig',
  'getConfigArray',
  'getOptionalConfigArray',
  'getNumber',
  'getOptionalNumber',
  'getBoolean',
  'getOptionalBoolean',
  'getString',
  'getOptionalString',
  'getStringArray',
  'getOptionalStringArray',
  'subscribe',
] as const;

function emptyMetadata(): { getInstalledPlugins: () => Promise<never[]> } {
  return { getInstalledPlugins: async () => [] };
}

function mockDiscovery(): DiscoveryService {
  // TEST-077: port 0, since no server exists outside a test backend.
  const url = async (pluginId: string) => `http://localhost:0/api/${pluginId}`;
  return { getBaseUrl: url, getExternalBaseUrl: url };
}

function memoryCache(): CacheService {
  const manager = CacheManager.fromConfig(createMockRootConfig() as Config);
  return manager.forPlugin('test');
}

/**
 * For every core service but `pluginMetadata`, a working fake (`mockServices.x(options)`), a
 * service factory (`mockServices.x.factory(options)`) and a mock whose methods are spies
 * (`mockServices.x.mock(partial)`) (TEST-061 to TEST-094). Options match Backstage's
 * `@backstage/backend-test-utils` where it has them.
 */
export const mockServices: MockServices = {
  auditor: entry(
    createMockAuditor,
    () => typed<AuditorService, 'plugin'>(auditorServiceFactory),
    createServiceMock(refs.auditor, spiesFor<AuditorService>(['createEvent'])),
  ),

  auth: entry(
    (options?: { pluginId?: string; disableDefaultAuthPolicy?: boolean }) =>
      new MockAuthService({
        pluginId: options?.pluginId ?? 'test',
        disableDefaultAuthPolicy: options?.disableDefaultAuthPolicy ?? false,
      }),
    (options?: { pluginId?: string; disableDefaultAuthPolicy?: boolean }) =>
      createServiceFactory({
        service: refs.auth,
        deps: { pluginMetadata: refs.pluginMetadata },
        // TEST-070: each plugin's fake carries that plugin's id.
        factory: ({ pluginMetadata }) =>
          new MockAuthService({
            pluginId: pluginMetadata.getId(),
            disableDefaultAuthPolicy: options?.disableDefaultAuthPolicy ?? false,
          }),
      }),
    createServiceMock(
      refs.auth,
      spiesFor<AuthService>([
        'authenticate',
        'isPrincipal',
        'getNoneCredentials',
        'getOwnServiceCredentials',
        'getPluginRequestToken',
        'getLimitedUserToken',
        'listPublicServiceKeys',
      ]),
    ),
  ),

  cache: entry(
    memoryCache,
    () => typed<CacheService, 'plugin'>(cacheServiceFactory),
    createServiceMock(refs.cache, spiesFor<CacheService>(['get', 'set', 'delete', 'withOptions'])),
  ),

  database: entry(
    (options?: { knex: unknown; migrations?: { skip?: boolean } }): DatabaseService => {
      if (options === undefined || options.knex === undefined) {
        throw new TypeError(
          'mockServices.database() needs { knex }; use TestDatabases to create one',
        );
      }
      return {
        getClient: async () => options.knex,
        ...(options.migrations ? { migrations: options.migrations } : {}),
      };
    },
    (options?: { knex: unknown; migrations?: { skip?: boolean } }) =>
      options === undefined
        ? typed<DatabaseService, 'plugin'>(databaseServiceFactory)
        : createServiceFactory({
            service: refs.database,
            deps: {},
            factory: (): DatabaseService => ({
              getClient: async () => options.knex,
              ...(options.migrations ? { migrations: options.migrations } : {}),
            }),
          }),
    createServiceMock(refs.database, spiesFor<DatabaseService>(['getClient'])),
  ),

  discovery: entry(
    mockDiscovery,
    () => createServiceFactory({ service: refs.discovery, deps: {}, factory: mockDiscovery }),
    createServiceMock(
      refs.discovery,
      spiesFor<DiscoveryService>(['getBaseUrl', 'getExternalBaseUrl']),
    ),
  ),

  httpAuth: entry(
    (options?: { pluginId?: string; defaultCredentials?: BackstageCredentials }) =>
      new MockHttpAuthService({
        pluginId: options?.pluginId ?? 'test',
        defaultCredentials: options?.defaultCredentials ?? mockCredentials.user(),
      }),
    (options?: { defaultCredentials?: BackstageCredentials }) =>
      createServiceFactory({
        service: refs.httpAuth,
        deps: { pluginMetadata: refs.pluginMetadata },
        factory: ({ pluginMetadata }) =>
          new MockHttpAuthService({
            pluginId: pluginMetadata.getId(),
            defaultCredentials: options?.defaultCredentials ?? mockCredentials.user(),
          }),
      }),
    createServiceMock(refs.httpAuth, spiesFor<HttpAuthService>(['credentials', 'issueUserCookie'])),
  ),

  httpRouter: entry(
    createMockHttpRouter,
    () => typed<HttpRouterService, 'plugin'>(httpRouterServiceFactory),
    createServiceMock(refs.httpRouter, spiesFor<HttpRouterService>(['use', 'addAuthPolicy'])),
  ),

  lifecycle: entry(
    () => new MockLifecycleService(),
    () => typed<LifecycleService, 'plugin'>(lifecycleServiceFactory),
    createServiceMock(
      refs.lifecycle,
      spiesFor<LifecycleService>(['addStartupHook', 'addShutdownHook']),
    ),
  ),

  logger: entry(
    (options?: { level?: MockLogLevel }) => new MockLogger(options),
    () => typed<LoggerService, 'plugin'>(loggerServiceFactory),
    createServiceMock(refs.logger, spiesFor<LoggerService>(LOGGER_METHODS)),
  ),

  permissions: entry(
    createMockPermissions,
    (options?: { result?: 'ALLOW' | 'DENY' }) =>
      options === undefined
        ? typed<PermissionsService, 'plugin'>(permissionsServiceFactory)
        : createServiceFactory({
            service: refs.permissions,
            deps: {},
            factory: () => createMockPermissions(options),
          }),
    createServiceMock(
      refs.permissions,
      spiesFor<PermissionsService>(['authorize', 'authorizeConditional']),
    ),
  ),

  permissionsRegistry: entry(
    // A real registry; registration never closes because nothing calls its startup hook.
    (): PermissionsRegistryService =>
      new DefaultPermissionsRegistryService('test', { addStartupHook: () => {} }),
    () => typed<PermissionsRegistryService, 'plugin'>(permissionsRegistryServiceFactory),
    createServiceMock(
      refs.permissionsRegistry,
      spiesFor<PermissionsRegistryService>([
        'addPermissions',
        'addPermissionRules',
        'addResourceType',
        'getPermissionRuleset',
      ]),
    ),
  ),

  rootConfig: entry(
    createMockRootConfig,
    (options?: { data?: JsonObject }) =>
      createServiceFactory({
        service: refs.rootConfig,
        deps: {},
        factory: () => createMockRootConfig(options),
      }),
    createServiceMock(refs.rootConfig, spiesFor<RootConfigService>(CONFIG_METHODS)),
  ),

  rootHealth: entry(
    (): RootHealthService => ({
      getLiveness: async () => ({ status: 200, payload: { status: 'ok' } }),
      getReadiness: async () => ({ status: 200, payload: { status: 'ok' } }),
    }),
    () => typed<RootHealthService, 'root'>(rootHealthServiceFactory),
    createServiceMock(
      refs.rootHealth,
      spiesFor<RootHealthService>(['getLiveness', 'getReadiness']),
    ),
  ),

  rootHttpRouter: entry(
    createMockRootHttpRouter,
    () => typed<RootHttpRouterService, 'root'>(rootHttpRouterServiceFactory),
    createServiceMock(refs.rootHttpRouter, spiesFor<RootHttpRouterService>(['use'])),
  ),

  rootInstanceMetadata: entry(
    (): RootInstanceMetadataService => emptyMetadata(),
    () =>
      createServiceFactory({
        service: refs.rootInstanceMetadata,
        deps: {},
        factory: emptyMetadata,
      }),
    createServiceMock(
      refs.rootInstanceMetadata,
      spiesFor<RootInstanceMetadataService>(['getInstalledPlugins']),
    ),
  ),

  rootLifecycle: entry(
    () => new MockLifecycleService(),
    () => typed<RootLifecycleService, 'root'>(rootLifecycleServiceFactory),
    createServiceMock(
      refs.rootLifecycle,
      spiesFor<RootLifecycleService>([
        'addStartupHook',
        'addShutdownHook',
        'addBeforeShutdownHook',
      ]),
    ),
  ),

  rootLogger: entry(
    (options?: { level?: MockLogLevel }) => new MockLogger(options),
    (options?: { level?: MockLogLevel }) =>
      createServiceFactory({
        service: refs.rootLogger,
        deps: {},
        factory: () => new MockLogger(options),
      }),
    createServiceMock(refs.rootLogger, spiesFor<RootLoggerService>(LOGGER_METHODS)),
  ),

  rootSystemMetadata: entry(
    (): RootSystemMetadataService => emptyMetadata(),
    () =>
      createServiceFactory({ service: refs.rootSystemMetadata, deps: {}, factory: emptyMetadata }),
    createServiceMock(
      refs.rootSystemMetadata,
      spiesFor<RootSystemMetadataService>(['getInstalledPlugins']),
    ),
  ),

  scheduler: entry(
    () => new MockSchedulerService(),
    (options?: MockSchedulerFactoryOptions) =>
      createServiceFactory({
        service: refs.scheduler,
        deps: { lifecycle: refs.lifecycle, pluginMetadata: refs.pluginMetadata },
        factory: ({ lifecycle, pluginMetadata }) => {
          // TEST-112: one scheduler per plugin, so task ids never collide across plugins.
          const scheduler = new MockSchedulerService({ pluginId: pluginMetadata.getId() });
          lifecycle.addStartupHook(() => scheduler.runStartupTasks(options));
          lifecycle.addShutdownHook(() => scheduler.shutdown());
          return scheduler;
        },
      }),
    createServiceMock(
      refs.scheduler,
      spiesFor<SchedulerService>([
        'triggerTask',
        'cancelTask',
        'scheduleTask',
        'createScheduledTaskRunner',
        'getScheduledTasks',
      ]),
    ),
  ),

  urlReader: entry(
    createMockUrlReader,
    (options?: { files?: { [url: string]: string | Buffer } }) =>
      options === undefined
        ? typed<UrlReaderService, 'plugin'>(urlReaderServiceFactory)
        : createServiceFactory({
            service: refs.urlReader,
            deps: {},
            factory: () => createMockUrlReader(options),
          }),
    createServiceMock(
      refs.urlReader,
      spiesFor<UrlReaderService>(['readUrl', 'readTree', 'search']),
    ),
  ),

  userInfo: entry(
    (info?: Partial<BackstageUserInfo>) => new MockUserInfoService(info),
    (info?: Partial<BackstageUserInfo>) =>
      createServiceFactory({
        service: refs.userInfo,
        deps: {},
        factory: () => new MockUserInfoService(info),
      }),
    createServiceMock(refs.userInfo, spiesFor<UserInfoService>(['getUserInfo'])),
  ),
};
