/**
 * The batteries-included entry point: `createBackend()` and the default factory of every core
 * service, with the helpers to configure them.
 */
export { createBackend } from './createBackend.js';
export { defaultServiceFactories } from './defaultServiceFactories.js';
export { rootLifecycleServiceFactory } from './backend/rootLifecycleServiceFactory.js';
export { auditorServiceFactory } from './services/auditor/auditorServiceFactory.js';
export { authServiceFactory } from './services/auth/index.js';
export { cacheServiceFactory } from './services/cache/cacheServiceFactory.js';
export { databaseServiceFactory } from './services/database/databaseServiceFactory.js';
export {
  createDiscoveryServiceFactory,
  discoveryServiceFactory,
} from './services/discovery/index.js';
export { httpAuthServiceFactory } from './services/httpAuth/index.js';
export { httpRouterServiceFactory } from './services/httpRouter/index.js';
export { lifecycleServiceFactory } from './services/lifecycle/index.js';
export { loggerServiceFactory } from './services/logger/index.js';
export { permissionsServiceFactory } from './services/permissions/permissionsServiceFactory.js';
export { permissionsRegistryServiceFactory } from './services/permissionsRegistry/permissionsRegistryServiceFactory.js';
export {
  closeRootConfig,
  getConfigSecrets,
  rootConfigServiceFactory,
  type RootConfigOptions,
} from './services/rootConfig/index.js';
export {
  rootHealthServiceFactory,
  type RootHealthServiceFactoryOptions,
} from './services/rootHealth/index.js';
export {
  rootHttpRouterServiceFactory,
  type RootHttpRouterFactoryOptions,
} from './services/rootHttpRouter/index.js';
export {
  createRootLoggerServiceFactory,
  rootLoggerServiceFactory,
} from './services/rootLogger/index.js';
export { rootSystemMetadataServiceFactory } from './services/rootSystemMetadata/index.js';
export { schedulerServiceFactory } from './services/scheduler/schedulerServiceFactory.js';
export { urlReaderServiceFactory } from './services/urlReader/urlReaderServiceFactory.js';
export { urlReaderFactoriesServiceRef } from './services/urlReader/urlReaderFactoriesServiceRef.js';
export { userInfoServiceFactory } from './services/userInfo/userInfoServiceFactory.js';
