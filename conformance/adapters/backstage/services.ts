/**
 * Backstage's own service factories from `@backstage/backend-defaults`, as the service suites
 * judge them (class `service`). Every declared service goes into each service backend, so the
 * map also holds the services the tested ones depend on (rootHealth, auditor,
 * permissionsRegistry, userInfo, alpha metrics). None of Backstage's factories takes a clock, so TTL tests wait
 * in real time here.
 */
import type { ServiceFactory } from '@openstage/spec';
import { metricsServiceFactory } from '@backstage/backend-defaults/alpha';
import { auditorServiceFactory } from '@backstage/backend-defaults/auditor';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { cacheServiceFactory } from '@backstage/backend-defaults/cache';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { discoveryServiceFactory } from '@backstage/backend-defaults/discovery';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { httpRouterServiceFactory } from '@backstage/backend-defaults/httpRouter';
import { lifecycleServiceFactory } from '@backstage/backend-defaults/lifecycle';
import { loggerServiceFactory } from '@backstage/backend-defaults/logger';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import { rootHealthServiceFactory } from '@backstage/backend-defaults/rootHealth';
import { rootLoggerServiceFactory } from '@backstage/backend-defaults/rootLogger';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { mockServices } from '@backstage/backend-test-utils';
import type { ServiceUnderTest, ServicesUnderTest } from '../../src/harness/ConformanceAdapter.js';

const fixed = (factory: unknown): ServiceUnderTest => ({
  profile: 'default',
  factory: () => factory as ServiceFactory,
});

/** Backstage's services under test, by service id. */
export const backstageServices: ServicesUnderTest = {
  // Backstage's default rootConfig loads files and arguments; the suite judges its configuration
  // reader (`ConfigReader` of @backstage/config, which this factory serves) on the suite's data.
  'core.rootConfig': {
    profile: 'interface',
    factory: ({ config }) => mockServices.rootConfig.factory({ data: config }) as ServiceFactory,
  },
  // Writes to standard output whatever the suite asks; the suite reads it there.
  'core.rootLogger': fixed(rootLoggerServiceFactory),
  'core.logger': fixed(loggerServiceFactory),
  'core.lifecycle': fixed(lifecycleServiceFactory),
  'core.cache': fixed(cacheServiceFactory),
  'core.database': fixed(databaseServiceFactory),
  'core.scheduler': { ...fixed(schedulerServiceFactory), declares: { sharedDatabase: true } },
  'core.discovery': fixed(discoveryServiceFactory),
  'core.httpRouter': fixed(httpRouterServiceFactory),
  'core.rootHttpRouter': fixed(rootHttpRouterServiceFactory),
  'core.auth': fixed(authServiceFactory),
  'core.httpAuth': fixed(httpAuthServiceFactory),
  'core.permissions': fixed(permissionsServiceFactory),
  'core.urlReader': fixed(urlReaderServiceFactory),
  'core.rootHealth': fixed(rootHealthServiceFactory),
  'core.auditor': fixed(auditorServiceFactory),
  'core.permissionsRegistry': fixed(permissionsRegistryServiceFactory),
  'core.userInfo': fixed(userInfoServiceFactory),
  // The scheduler of backend-defaults 0.18 depends on this alpha service.
  'alpha.core.metrics': fixed(metricsServiceFactory),
};
