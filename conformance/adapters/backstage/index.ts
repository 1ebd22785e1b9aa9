/**
 * The built-in `backstage` adapter: Backstage's own runtime from npm
 * (`@backstage/backend-app-api`), with Backstage's default factories from
 * `@backstage/backend-defaults` and an in-memory configuration from `@backstage/backend-test-utils`.
 *
 * Backstage's runtime is driven as it is; its known deviations from the specification are listed,
 * each with a reason, in expectations/backstage.json.
 */
import { createRequire } from 'node:module';
import { createSpecializedBackend } from '@backstage/backend-app-api';
import { lifecycleServiceFactory } from '@backstage/backend-defaults/lifecycle';
import { loggerServiceFactory } from '@backstage/backend-defaults/logger';
import { rootLifecycleServiceFactory } from '@backstage/backend-defaults/rootLifecycle';
import { mockServices } from '@backstage/backend-test-utils';
import type { ConformanceAdapter } from '../../src/harness/ConformanceAdapter.js';
import { backstageServices } from './services.js';

const require = createRequire(import.meta.url);
const { version } = require('@backstage/backend-app-api/package.json') as { version: string };

type Factory = Parameters<typeof createSpecializedBackend>[0]['defaultServiceFactories'][number];
const serviceId = (factory: unknown): unknown =>
  (factory as { service?: { id?: unknown } } | null)?.service?.id;

const adapter: ConformanceAdapter = {
  name: 'backstage',
  implementation: '@backstage/backend-app-api',
  version,
  classes: ['runtime', 'service'],
  services: backstageServices,
  supports: { signals: true },
  createBackend({ features, services, config }) {
    const defaults: Factory[] = [
      mockServices.rootConfig.factory({ data: config }),
      // The suite normally replaces this with its capturing logger; silent otherwise.
      mockServices.rootLogger.factory({ level: 'none' }),
      loggerServiceFactory,
      rootLifecycleServiceFactory,
      lifecycleServiceFactory,
    ];
    const replaced = new Set(services.map(serviceId));
    const backend = createSpecializedBackend({
      defaultServiceFactories: [
        ...defaults.filter((f) => !replaced.has(serviceId(f))),
        ...(services as unknown as Factory[]),
      ],
    });
    for (const feature of features) backend.add(feature as never);
    return backend;
  },
};

export default adapter;
