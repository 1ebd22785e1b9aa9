/**
 * The batteries-included entry point: `createBackend()` and the default factory of every core
 * service, with the helpers to configure them.
 */
export { createBackend } from './createBackend.js';
export { defaultServiceFactories } from './defaultServiceFactories.js';
export { rootLifecycleServiceFactory } from './backend/rootLifecycleServiceFactory.js';
export { auditorServiceFactory } from './services/auditor/index.js';
export { authServiceFactory } from './services/auth/index.js';
export { cacheServiceFactory } from './services/cache/index.js';
export { databaseServiceFactory } from './services/database/index.js';
export {
  createDiscoveryServiceFactory,
  discoveryServiceFactory,
} from './services/discovery/index.js';
export { httpAuthServiceFactory } from './services/httpAuth/index.js';
export { httpRouterServiceFactory } from './services/httpRouter/index.js';
export { lifecycleServiceFactory } from './services/lifecycle/index.js';
export { loggerServiceFactory } from './services/logger/index.js';
export { permissionsServiceFactory } from './services/permissions/index.js';
export { permissionsRegistryServiceFactory } from './services/permissionsRegistry/index.js';
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
export { schedulerServiceFactory } from './services/scheduler/index.js';
export {
  urlReaderFactoriesServiceRef,
  urlReaderServiceFactory,
} from './services/urlReader/index.js';
export { userInfoServiceFactory } from './services/userInfo/index.js';
