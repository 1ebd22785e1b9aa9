import type { ConformanceTest } from '../../harness/ConformanceTest.js';
import { authTests } from './auth/index.js';
import { cacheTests } from './cache/index.js';
import { databaseTests } from './database/index.js';
import { discoveryTests } from './discovery/index.js';
import { httpRouterTests } from './http-router/index.js';
import { lifecycleTests } from './lifecycle/index.js';
import { loggerTests } from './logger/index.js';
import { permissionsTests } from './permissions/index.js';
import { rootConfigTests } from './root-config/index.js';
import { schedulerTests } from './scheduler/index.js';
import { urlReaderTests } from './url-reader/index.js';

/**
 * Every service contract test (class `service`), in chapter order. Each test names the service
 * id it judges; against an adapter that does not declare that service it ends as
 * `not-supported`.
 */
export const serviceTests: readonly ConformanceTest[] = [
  ...rootConfigTests,
  ...loggerTests,
  ...lifecycleTests,
  ...cacheTests,
  ...databaseTests,
  ...schedulerTests,
  ...discoveryTests,
  ...httpRouterTests,
  ...authTests,
  ...permissionsTests,
  ...urlReaderTests,
];
