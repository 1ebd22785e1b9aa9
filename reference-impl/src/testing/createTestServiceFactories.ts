import type { ServiceFactory } from '@openstage/spec';
import { auditorServiceFactory } from '../services/auditor/auditorServiceFactory.js';
import { cacheServiceFactory } from '../services/cache/cacheServiceFactory.js';
import { databaseServiceFactory } from '../services/database/databaseServiceFactory.js';
import { httpRouterServiceFactory } from '../services/httpRouter/httpRouterServiceFactory.js';
import { lifecycleServiceFactory } from '../services/lifecycle/lifecycleServiceFactory.js';
import { loggerServiceFactory } from '../services/logger/loggerServiceFactory.js';
import { permissionsRegistryServiceFactory } from '../services/permissionsRegistry/permissionsRegistryServiceFactory.js';
import { rootHealthServiceFactory } from '../services/rootHealth/rootHealthServiceFactory.js';
import { rootLifecycleServiceFactory } from '../services/rootLifecycle/rootLifecycleServiceFactory.js';
import { rootSystemMetadataServiceFactory } from '../services/rootSystemMetadata/rootSystemMetadataServiceFactory.js';
import { urlReaderServiceFactory } from '../services/urlReader/urlReaderServiceFactory.js';
import { createTestDiscoveryFactory } from './createTestDiscoveryFactory.js';
import {
  createTestRootHttpRouterFactory,
  type TestServerSlot,
} from './createTestRootHttpRouterFactory.js';
import { mockServices } from './mockServices.js';

/** What changes a test backend's defaults: the harness options of TEST-236 and TEST-248. */
export interface TestServiceFactoriesOptions {
  /** Receives the test server; a fresh slot when omitted. */
  serverSlot?: TestServerSlot;
  /** Replaces entries by service id, after the defaults (used by the scenario harness). */
  overrides?: ServiceFactory[];
}

/**
 * The default service factories of a test backend (TEST-021 to TEST-031): mocks where a real
 * service needs secrets, network or a user; the real defaults where they work without set-up.
 * `ServiceFactoryTester` starts from the same list (TEST-181).
 */
export function createTestServiceFactories(
  options: TestServiceFactoriesOptions = {},
): ServiceFactory[] {
  const slot = options.serverSlot ?? {};
  const defaults: ServiceFactory[] = [
    mockServices.auth.factory(),
    mockServices.httpAuth.factory(),
    mockServices.rootConfig.factory(),
    mockServices.rootLogger.factory({ level: 'none' }),
    mockServices.scheduler.factory(),
    mockServices.userInfo.factory(),
    mockServices.permissions.factory({ result: 'ALLOW' }),
    createTestDiscoveryFactory(slot) as ServiceFactory,
    createTestRootHttpRouterFactory(slot) as ServiceFactory,
    // The service folders type their factories on the authoring refs; they are the same objects.
    ...([
      auditorServiceFactory,
      cacheServiceFactory,
      databaseServiceFactory,
      httpRouterServiceFactory,
      lifecycleServiceFactory,
      loggerServiceFactory,
      permissionsRegistryServiceFactory,
      rootHealthServiceFactory,
      rootLifecycleServiceFactory,
      rootSystemMetadataServiceFactory,
      urlReaderServiceFactory,
    ] as unknown[] as ServiceFactory[]),
  ];
  if (!options.overrides?.length) return defaults;
  const replaced = new Set(options.overrides.map((f) => f.service.id));
  return [...defaults.filter((f) => !replaced.has(f.service.id)), ...options.overrides];
}
