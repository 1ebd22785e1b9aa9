import type { ServiceRef } from '../wireFormat/types.js';
import type {
  LifecycleService,
  LoggerService,
  OpaqueService,
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
  auth: createServiceRef<OpaqueService>({ id: 'core.auth' }),
  userInfo: createServiceRef<OpaqueService>({ id: 'core.userInfo' }),
  cache: createServiceRef<OpaqueService>({ id: 'core.cache' }),
  rootConfig: createServiceRef<RootConfigService>({ id: 'core.rootConfig', scope: 'root' }),
  database: createServiceRef<OpaqueService>({ id: 'core.database' }),
  discovery: createServiceRef<OpaqueService>({ id: 'core.discovery' }),
  rootHealth: createServiceRef<OpaqueService>({ id: 'core.rootHealth', scope: 'root' }),
  httpAuth: createServiceRef<OpaqueService>({ id: 'core.httpAuth' }),
  httpRouter: createServiceRef<OpaqueService>({ id: 'core.httpRouter' }),
  lifecycle: createServiceRef<LifecycleService>({ id: 'core.lifecycle' }),
  logger: createServiceRef<LoggerService>({ id: 'core.logger' }),
  auditor: createServiceRef<OpaqueService>({ id: 'core.auditor' }),
  permissions: createServiceRef<OpaqueService>({ id: 'core.permissions' }),
  permissionsRegistry: createServiceRef<OpaqueService>({ id: 'core.permissionsRegistry' }),
  pluginMetadata: createServiceRef<PluginMetadataService>({ id: 'core.pluginMetadata' }),
  rootHttpRouter: createServiceRef<OpaqueService>({ id: 'core.rootHttpRouter', scope: 'root' }),
  rootLifecycle: createServiceRef<RootLifecycleService>({ id: 'core.rootLifecycle', scope: 'root' }),
  rootLogger: createServiceRef<RootLoggerService>({ id: 'core.rootLogger', scope: 'root' }),
  scheduler: createServiceRef<OpaqueService>({ id: 'core.scheduler' }),
  urlReader: createServiceRef<OpaqueService>({ id: 'core.urlReader' }),
  rootInstanceMetadata: createServiceRef<RootInstanceMetadataService>({
    id: 'core.rootInstanceMetadata',
    scope: 'root',
  }),
  rootSystemMetadata: createServiceRef<RootSystemMetadataService>({
    id: 'core.rootSystemMetadata',
    scope: 'root',
  }),
} as const satisfies Record<string, ServiceRef<unknown>>;
