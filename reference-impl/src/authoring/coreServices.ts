import type {
  AuditorService,
  AuthService,
  CacheService,
  DatabaseService,
  DiscoveryService,
  HttpAuthService,
  HttpRouterService,
  PermissionsRegistryService,
  PermissionsService,
  RootHealthService,
  RootHttpRouterService,
  SchedulerService,
  UrlReaderService,
  UserInfoService,
} from '@openstage/spec';
import type { ServiceRef } from '../wireFormat/types.js';
import type {
  LifecycleService,
  LoggerService,
  PluginMetadataService,
  RootConfigService,
  RootInstanceMetadataService,
  RootLifecycleService,
  RootLoggerService,
  RootSystemMetadataService,
} from './coreServiceTypes.js';
import { createServiceRef } from './createServiceRef.js';

/**
 * Refs of every core service, with the same ids and scopes as Backstage's
 * `coreServices`, so factories and dependencies match across both runtimes.
 */
export const coreServices = {
  auth: createServiceRef<AuthService>({ id: 'core.auth' }),
  userInfo: createServiceRef<UserInfoService>({ id: 'core.userInfo' }),
  cache: createServiceRef<CacheService>({ id: 'core.cache' }),
  rootConfig: createServiceRef<RootConfigService>({ id: 'core.rootConfig', scope: 'root' }),
  database: createServiceRef<DatabaseService>({ id: 'core.database' }),
  discovery: createServiceRef<DiscoveryService>({ id: 'core.discovery' }),
  rootHealth: createServiceRef<RootHealthService>({ id: 'core.rootHealth', scope: 'root' }),
  httpAuth: createServiceRef<HttpAuthService>({ id: 'core.httpAuth' }),
  httpRouter: createServiceRef<HttpRouterService>({ id: 'core.httpRouter' }),
  lifecycle: createServiceRef<LifecycleService>({ id: 'core.lifecycle' }),
  logger: createServiceRef<LoggerService>({ id: 'core.logger' }),
  auditor: createServiceRef<AuditorService>({ id: 'core.auditor' }),
  permissions: createServiceRef<PermissionsService>({ id: 'core.permissions' }),
  permissionsRegistry: createServiceRef<PermissionsRegistryService>({
    id: 'core.permissionsRegistry',
  }),
  pluginMetadata: createServiceRef<PluginMetadataService>({ id: 'core.pluginMetadata' }),
  rootHttpRouter: createServiceRef<RootHttpRouterService>({
    id: 'core.rootHttpRouter',
    scope: 'root',
  }),
  rootLifecycle: createServiceRef<RootLifecycleService>({
    id: 'core.rootLifecycle',
    scope: 'root',
  }),
  rootLogger: createServiceRef<RootLoggerService>({ id: 'core.rootLogger', scope: 'root' }),
  scheduler: createServiceRef<SchedulerService>({ id: 'core.scheduler' }),
  urlReader: createServiceRef<UrlReaderService>({ id: 'core.urlReader' }),
  rootInstanceMetadata: createServiceRef<RootInstanceMetadataService>({
    id: 'core.rootInstanceMetadata',
    scope: 'root',
  }),
  rootSystemMetadata: createServiceRef<RootSystemMetadataService>({
    id: 'core.rootSystemMetadata',
    scope: 'root',
  }),
} as const satisfies Record<string, ServiceRef<unknown>>;
