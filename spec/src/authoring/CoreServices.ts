import type { AuditorService } from '../services/auditor/AuditorService.js';
import type { AuthService } from '../services/auth/AuthService.js';
import type { CacheService } from '../services/cache/CacheService.js';
import type { DatabaseService } from '../services/database/DatabaseService.js';
import type { DiscoveryService } from '../services/discovery/DiscoveryService.js';
import type { HttpAuthService } from '../services/httpAuth/HttpAuthService.js';
import type { HttpRouterService } from '../services/httpRouter/HttpRouterService.js';
import type { LifecycleService } from '../services/lifecycle/LifecycleService.js';
import type { LoggerService } from '../services/logger/LoggerService.js';
import type { PermissionsService } from '../services/permissions/PermissionsService.js';
import type { PermissionsRegistryService } from '../services/permissionsRegistry/PermissionsRegistryService.js';
import type { PluginMetadataService } from '../services/pluginMetadata/PluginMetadataService.js';
import type { RootConfigService } from '../services/rootConfig/RootConfigService.js';
import type { RootHealthService } from '../services/rootHealth/RootHealthService.js';
import type { RootHttpRouterService } from '../services/rootHttpRouter/RootHttpRouterService.js';
import type { RootInstanceMetadataService } from '../services/rootInstanceMetadata/RootInstanceMetadataService.js';
import type { RootLifecycleService } from '../services/rootLifecycle/RootLifecycleService.js';
import type { RootLoggerService } from '../services/rootLogger/RootLoggerService.js';
import type { RootSystemMetadataService } from '../services/rootSystemMetadata/RootSystemMetadataService.js';
import type { SchedulerService } from '../services/scheduler/SchedulerService.js';
import type { UrlReaderService } from '../services/urlReader/UrlReaderService.js';
import type { UserInfoService } from '../services/userInfo/UserInfoService.js';
import type { ServiceRef } from '../wire/ServiceRef.js';

/**
 * The type of the `coreServices` object: the refs of every core service, by name.
 *
 * **When to use**: an authoring library exports a `coreServices` value of this type; plugins
 * list its members in their `deps`.
 *
 * **Details**: every core service is a singleton. Ids and scopes are fixed by
 * {@link coreServiceIds} and {@link coreServiceScopes}. Backstage's `coreServices` is assignable
 * to this type. Refs keep `id: string` like Backstage's, so that assignability holds; the literal
 * ids are in {@link coreServiceIds}.
 *
 * @requirement NAME-035
 * @requirement NAME-036
 * @requirement LOG-001
 * @requirement LOG-002
 * @requirement RCFG-001
 * @requirement LIFE-001
 * @requirement LIFE-002
 * @requirement RHTTP-001
 * @requirement HTTP-001
 * @requirement HLTH-001
 * @requirement DISC-001
 * @requirement AUTH-020
 * @requirement HAUTH-001
 * @requirement UINFO-001
 * @requirement PERM-001
 * @requirement PREG-001
 * @requirement AUDIT-001
 * @requirement DB-001
 * @requirement CACHE-001
 * @requirement SCHED-001
 * @requirement URL-001
 * @requirement PMETA-001
 * @requirement IMETA-001
 * @requirement SMETA-001
 * @see {@link coreServiceIds}
 * @see {@link coreServiceScopes}
 * @category authoring
 * @since 0.1.0
 */
export interface CoreServices {
  /** `core.auth`, plugin scope. */
  auth: ServiceRef<AuthService, 'plugin', 'singleton'>;
  /** `core.userInfo`, plugin scope. */
  userInfo: ServiceRef<UserInfoService, 'plugin', 'singleton'>;
  /** `core.cache`, plugin scope. */
  cache: ServiceRef<CacheService, 'plugin', 'singleton'>;
  /** `core.rootConfig`, root scope. */
  rootConfig: ServiceRef<RootConfigService, 'root', 'singleton'>;
  /** `core.database`, plugin scope. */
  database: ServiceRef<DatabaseService, 'plugin', 'singleton'>;
  /** `core.discovery`, plugin scope. */
  discovery: ServiceRef<DiscoveryService, 'plugin', 'singleton'>;
  /** `core.rootHealth`, root scope. */
  rootHealth: ServiceRef<RootHealthService, 'root', 'singleton'>;
  /** `core.httpAuth`, plugin scope. */
  httpAuth: ServiceRef<HttpAuthService, 'plugin', 'singleton'>;
  /** `core.httpRouter`, plugin scope. */
  httpRouter: ServiceRef<HttpRouterService, 'plugin', 'singleton'>;
  /** `core.lifecycle`, plugin scope. */
  lifecycle: ServiceRef<LifecycleService, 'plugin', 'singleton'>;
  /** `core.logger`, plugin scope. */
  logger: ServiceRef<LoggerService, 'plugin', 'singleton'>;
  /** `core.auditor`, plugin scope. */
  auditor: ServiceRef<AuditorService, 'plugin', 'singleton'>;
  /** `core.permissions`, plugin scope. */
  permissions: ServiceRef<PermissionsService, 'plugin', 'singleton'>;
  /** `core.permissionsRegistry`, plugin scope. */
  permissionsRegistry: ServiceRef<PermissionsRegistryService, 'plugin', 'singleton'>;
  /** `core.pluginMetadata`, plugin scope; supplied by the runtime. */
  pluginMetadata: ServiceRef<PluginMetadataService, 'plugin', 'singleton'>;
  /** `core.rootHttpRouter`, root scope. */
  rootHttpRouter: ServiceRef<RootHttpRouterService, 'root', 'singleton'>;
  /** `core.rootLifecycle`, root scope. */
  rootLifecycle: ServiceRef<RootLifecycleService, 'root', 'singleton'>;
  /** `core.rootLogger`, root scope. */
  rootLogger: ServiceRef<RootLoggerService, 'root', 'singleton'>;
  /** `core.scheduler`, plugin scope. */
  scheduler: ServiceRef<SchedulerService, 'plugin', 'singleton'>;
  /** `core.urlReader`, plugin scope. */
  urlReader: ServiceRef<UrlReaderService, 'plugin', 'singleton'>;
  /** `core.rootInstanceMetadata`, root scope; supplied by the runtime. */
  rootInstanceMetadata: ServiceRef<RootInstanceMetadataService, 'root', 'singleton'>;
  /** `core.rootSystemMetadata`, root scope. */
  rootSystemMetadata: ServiceRef<RootSystemMetadataService, 'root', 'singleton'>;
}
