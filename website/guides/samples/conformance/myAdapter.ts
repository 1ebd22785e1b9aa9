import type { AdapterBackend, ConformanceAdapter } from '@openstage/conformance';
// The implementation under test. This sample drives Openstage's reference runtime; yours imports
// its own runtime and default service factories here instead.
import { createSpecializedBackend } from '@openstage/reference-impl';
import {
  lifecycleServiceFactory,
  loggerServiceFactory,
  rootLifecycleServiceFactory,
  rootLoggerServiceFactory,
} from '@openstage/reference-impl/defaults';
import { mockServices } from '@openstage/reference-impl/testing';

type Factory = Parameters<typeof createSpecializedBackend>[0]['defaultServiceFactories'][number];

const serviceId = (factory: unknown): unknown =>
  (factory as { service?: { id?: unknown } } | null)?.service?.id;

// #region adapter
/** Tells the conformance suite how to create a backend of "my runtime". */
export const myAdapter: ConformanceAdapter = {
  name: 'my-runtime',
  implementation: '@acme/my-runtime',
  version: '1.0.0',
  classes: ['runtime'],
  // Optional capabilities this runtime has; tests that need another one end as not-supported.
  supports: { signals: true },
  createBackend({ features, services, config }) {
    const defaults = [
      // The suite's configuration for this test, served as it is (no files, no environment).
      mockServices.rootConfig.factory({ data: config }),
      rootLoggerServiceFactory,
      loggerServiceFactory,
      rootLifecycleServiceFactory,
      lifecycleServiceFactory,
    ] as Factory[];
    // A factory the test passes replaces the adapter's default for the same service.
    const replaced = new Set(services.map(serviceId));
    const backend = createSpecializedBackend({
      defaultServiceFactories: [
        ...defaults.filter((factory) => !replaced.has(serviceId(factory))),
        ...(services as Factory[]),
      ],
    });
    for (const feature of features) backend.add(feature as never);
    return backend as unknown as AdapterBackend;
  },
};
// #endregion adapter
