import { auditorServiceFactory } from './services/auditor/auditorServiceFactory.js';
import { authServiceFactory } from './services/auth/index.js';
import { cacheServiceFactory } from './services/cache/cacheServiceFactory.js';
import { databaseServiceFactory } from './services/database/databaseServiceFactory.js';
import { discoveryServiceFactory } from './services/discovery/index.js';
import { httpAuthServiceFactory } from './services/httpAuth/index.js';
import { httpRouterServiceFactory } from './services/httpRouter/index.js';
import { lifecycleServiceFactory } from './services/lifecycle/index.js';
import { loggerServiceFactory } from './services/logger/index.js';
import { permissionsServiceFactory } from './services/permissions/permissionsServiceFactory.js';
import { permissionsRegistryServiceFactory } from './services/permissionsRegistry/permissionsRegistryServiceFactory.js';
import { rootConfigServiceFactory } from './services/rootConfig/index.js';
import { rootHealthServiceFactory } from './services/rootHealth/index.js';
import { rootHttpRouterServiceFactory } from './services/rootHttpRouter/index.js';
import { rootLoggerServiceFactory } from './services/rootLogger/index.js';
import { rootSystemMetadataServiceFactory } from './services/rootSystemMetadata/index.js';
import { schedulerServiceFactory } from './services/scheduler/schedulerServiceFactory.js';
import { urlReaderServiceFactory } from './services/urlReader/urlReaderServiceFactory.js';
import { userInfoServiceFactory } from './services/userInfo/userInfoServiceFactory.js';
import { rootLifecycleServiceFactory } from './backend/rootLifecycleServiceFactory.js';
import type { ServiceFactory } from './wireFormat/types.js';

/**
 * The default factory of every core service, one per service id, in the order Backstage's
 * `backend-defaults` lists them. `pluginMetadata` and `rootInstanceMetadata` are absent because
 * the runtime provides them itself.
 *
 * **When to use**: `createBackend()` installs these; pass them to `createSpecializedBackend` to
 * build a backend with the same defaults and a few of your own in their place.
 *
 * **Details**: `rootLifecycle` is the backend variant that also closes the default `rootConfig`'s
 * file watchers once the root shutdown phase has finished (RCFG-039). `rootHealth` reports no
 * plugin states here; `createBackend()` replaces it with one fed from the runtime.
 */
export const defaultServiceFactories: readonly ServiceFactory[] = Object.freeze([
  auditorServiceFactory,
  authServiceFactory,
  cacheServiceFactory,
  rootConfigServiceFactory,
  databaseServiceFactory,
  discoveryServiceFactory,
  rootHealthServiceFactory,
  httpAuthServiceFactory,
  httpRouterServiceFactory,
  lifecycleServiceFactory,
  loggerServiceFactory,
  permissionsServiceFactory,
  permissionsRegistryServiceFactory,
  rootHttpRouterServiceFactory,
  rootLifecycleServiceFactory,
  rootLoggerServiceFactory,
  schedulerServiceFactory,
  rootSystemMetadataServiceFactory,
  urlReaderServiceFactory,
  userInfoServiceFactory,
]);
