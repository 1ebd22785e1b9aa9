import type { BackstageCredentials } from '../credentials/BackstageCredentials.js';
import type { JsonObject } from '../json/JsonObject.js';
import type { AuditorService } from '../services/auditor/AuditorService.js';
import type { AuthService } from '../services/auth/AuthService.js';
import type { CacheService } from '../services/cache/CacheService.js';
import type { DatabaseService } from '../services/database/DatabaseService.js';
import type { DiscoveryService } from '../services/discovery/DiscoveryService.js';
import type { HttpAuthService } from '../services/httpAuth/HttpAuthService.js';
import type { HttpRouterService } from '../services/httpRouter/HttpRouterService.js';
import type { ControllableLifecycleService } from '../services/lifecycle/ControllableLifecycleService.js';
import type { LifecycleService } from '../services/lifecycle/LifecycleService.js';
import type { LoggerService } from '../services/logger/LoggerService.js';
import type { PermissionsService } from '../services/permissions/PermissionsService.js';
import type { PermissionsRegistryService } from '../services/permissionsRegistry/PermissionsRegistryService.js';
import type { RootConfigService } from '../services/rootConfig/RootConfigService.js';
import type { RootHealthService } from '../services/rootHealth/RootHealthService.js';
import type { RootHttpRouterService } from '../services/rootHttpRouter/RootHttpRouterService.js';
import type { RootInstanceMetadataService } from '../services/rootInstanceMetadata/RootInstanceMetadataService.js';
import type { ControllableRootLifecycleService } from '../services/rootLifecycle/ControllableRootLifecycleService.js';
import type { RootLifecycleService } from '../services/rootLifecycle/RootLifecycleService.js';
import type { RootLoggerService } from '../services/rootLogger/RootLoggerService.js';
import type { RootSystemMetadataService } from '../services/rootSystemMetadata/RootSystemMetadataService.js';
import type { SchedulerService } from '../services/scheduler/SchedulerService.js';
import type { UrlReaderService } from '../services/urlReader/UrlReaderService.js';
import type { BackstageUserInfo } from '../services/userInfo/BackstageUserInfo.js';
import type { UserInfoService } from '../services/userInfo/UserInfoService.js';
import type { MockAuditorService } from './MockAuditorService.js';
import type { MockHttpRouterService } from './MockHttpRouterService.js';
import type { MockLogLevel } from './MockLogLevel.js';
import type { MockRootConfigService } from './MockRootConfigService.js';
import type { MockRootHttpRouterService } from './MockRootHttpRouterService.js';
import type { MockSchedulerFactoryOptions } from './MockSchedulerFactoryOptions.js';
import type { MockSchedulerService } from './MockSchedulerService.js';
import type { MockServiceEntry } from './MockServiceEntry.js';

/**
 * The type of a test kit's `mockServices` object: fakes, factories and mocks for every core
 * service except `pluginMetadata`.
 *
 * **When to use**: install `mockServices.<name>.factory(options)` in `startTestBackend` to
 * control a service, use `mockServices.<name>(options)` directly in unit tests, and
 * `mockServices.<name>.mock()` to spy on calls.
 *
 * **Details**: the member names and options are Backstage's, so tests written for
 * `@backstage/backend-test-utils` keep working. For the services that need no set-up,
 * `.factory()` without options is the real default factory.
 *
 * @example
 * ```ts
 * const backend = await startTestBackend({
 *   features: [todoPlugin, mockServices.rootConfig.factory({ data: { todo: { enabled: true } } })],
 * });
 * ```
 *
 * @requirement TEST-061
 * @requirement TEST-062
 * @requirement TEST-067
 * @requirement TEST-068
 * @requirement TEST-069
 * @requirement TEST-071
 * @requirement TEST-073
 * @requirement TEST-075
 * @requirement TEST-076
 * @requirement TEST-077
 * @requirement TEST-078
 * @requirement TEST-079
 * @requirement TEST-080
 * @requirement TEST-081
 * @requirement TEST-082
 * @requirement TEST-083
 * @requirement TEST-084
 * @requirement TEST-085
 * @requirement TEST-086
 * @requirement TEST-089
 * @requirement TEST-091
 * @requirement TEST-092
 * @see {@link MockServiceEntry}
 * @see {@link StartTestBackend}
 * @category testing
 * @since 0.1.0
 */
export interface MockServices {
  /** The auditor; the fake records events. */
  auditor: MockServiceEntry<AuditorService, 'plugin', MockAuditorService>;
  /** The mock auth service, which accepts the tokens of `mockCredentials`. */
  auth: MockServiceEntry<
    AuthService,
    'plugin',
    AuthService,
    { pluginId?: string; disableDefaultAuthPolicy?: boolean }
  >;
  /** An in-memory cache. */
  cache: MockServiceEntry<CacheService, 'plugin'>;
  /** A database service over a client the test provides. */
  database: MockServiceEntry<
    DatabaseService,
    'plugin',
    DatabaseService,
    { knex: unknown; migrations?: { skip?: boolean } }
  >;
  /** Discovery that answers `http://localhost:0/api/<pluginId>`. */
  discovery: MockServiceEntry<DiscoveryService, 'plugin'>;
  /** The mock `httpAuth` service, which reads the tokens of `mockCredentials`. */
  httpAuth: MockServiceEntry<
    HttpAuthService,
    'plugin',
    HttpAuthService,
    { pluginId?: string; defaultCredentials?: BackstageCredentials },
    { defaultCredentials?: BackstageCredentials }
  >;
  /** An HTTP router; the fake records handlers and policies. */
  httpRouter: MockServiceEntry<HttpRouterService, 'plugin', MockHttpRouterService>;
  /** A lifecycle whose hooks the test runs with `startup()` and `shutdown()`. */
  lifecycle: MockServiceEntry<LifecycleService, 'plugin', ControllableLifecycleService>;
  /** A logger writing to the console at or above `level`. */
  logger: MockServiceEntry<LoggerService, 'plugin', LoggerService, { level?: MockLogLevel }>;
  /** Permissions that answer every request with `result`, `ALLOW` by default. */
  permissions: MockServiceEntry<
    PermissionsService,
    'plugin',
    PermissionsService,
    { result?: 'ALLOW' | 'DENY' }
  >;
  /** A permissions registry that keeps what is added to it. */
  permissionsRegistry: MockServiceEntry<PermissionsRegistryService, 'plugin'>;
  /** A configuration read from `data`. */
  rootConfig: MockServiceEntry<
    RootConfigService,
    'root',
    MockRootConfigService,
    { data?: JsonObject }
  >;
  /** Health checks that always answer 200. */
  rootHealth: MockServiceEntry<RootHealthService, 'root'>;
  /** A root HTTP router; the fake records routes. */
  rootHttpRouter: MockServiceEntry<RootHttpRouterService, 'root', MockRootHttpRouterService>;
  /** Instance metadata listing no plugins. */
  rootInstanceMetadata: MockServiceEntry<RootInstanceMetadataService, 'root'>;
  /** A root lifecycle whose hooks the test runs. */
  rootLifecycle: MockServiceEntry<RootLifecycleService, 'root', ControllableRootLifecycleService>;
  /** A root logger writing to the console at or above `level`, `none` by default. */
  rootLogger: MockServiceEntry<
    RootLoggerService,
    'root',
    RootLoggerService,
    { level?: MockLogLevel }
  >;
  /** System metadata listing no plugins. */
  rootSystemMetadata: MockServiceEntry<RootSystemMetadataService, 'root'>;
  /** The mock scheduler. */
  scheduler: MockServiceEntry<
    SchedulerService,
    'plugin',
    MockSchedulerService,
    undefined,
    MockSchedulerFactoryOptions
  >;
  /** A URL reader over a fixed set of files. */
  urlReader: MockServiceEntry<
    UrlReaderService,
    'plugin',
    UrlReaderService,
    { files?: { [url: string]: string | Buffer } }
  >;
  /** User info for the user of the credentials, with fields of `info` taking precedence. */
  userInfo: MockServiceEntry<
    UserInfoService,
    'plugin',
    UserInfoService,
    Partial<BackstageUserInfo>
  >;
}
