/**
 * The built-in `reference` adapter: Openstage's reference runtime, with its own default
 * factories for the services the suite's contract requires.
 *
 * This file lives outside `src/` because `src/` never imports an implementation.
 */
import { createRequire } from 'node:module';
import {
  coreServices,
  createServiceFactory,
  createSpecializedBackend,
} from '@openstage/reference-impl';
import type { AdapterBackend, ConformanceAdapter } from '../../src/harness/ConformanceAdapter.js';
import { referenceServices } from './services.js';

const require = createRequire(import.meta.url);
const { version, dependencies } = require('@openstage/reference-impl/package.json') as {
  version: string;
  dependencies: Record<string, string>;
};

/**
 * The default services are not exported by @openstage/reference-impl yet (its package exports
 * only "."), so they are loaded from its build output next to the entry point. Switch to the
 * subpath exports (`@openstage/reference-impl/rootLifecycle`, ...) once they exist.
 */
const dist = import.meta.resolve('@openstage/reference-impl');
const load = async <T>(path: string): Promise<T> => (await import(new URL(path, dist).href)) as T;
type Factory = Parameters<typeof createSpecializedBackend>[0]['defaultServiceFactories'][number];
const { rootLifecycleServiceFactory } = await load<{ rootLifecycleServiceFactory: Factory }>(
  './services/rootLifecycle/index.js',
);
const { lifecycleServiceFactory } = await load<{ lifecycleServiceFactory: Factory }>(
  './services/lifecycle/index.js',
);
const { loggerServiceFactory } = await load<{ loggerServiceFactory: Factory }>(
  './services/logger/index.js',
);
const { rootLoggerServiceFactory } = await load<{ rootLoggerServiceFactory: Factory }>(
  './services/rootLogger/index.js',
);
const { ConfigReader } = await load<{ ConfigReader: { fromData(data: object): unknown } }>(
  './services/rootConfig/index.js',
);

const serviceId = (factory: unknown): unknown =>
  (factory as { service?: { id?: unknown } } | null)?.service?.id;

const adapter: ConformanceAdapter = {
  name: 'reference',
  implementation: '@openstage/reference-impl',
  version,
  // The spec version the reference runtime is built against (CLS-024).
  specVersion: dependencies['@openstage/spec'],
  classes: ['runtime', 'service'],
  services: referenceServices,
  supports: { signals: true },
  createBackend({ features, services, config }) {
    const rootConfig = createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => ConfigReader.fromData(config) as never,
    });
    const defaults: Factory[] = [
      rootConfig,
      rootLoggerServiceFactory,
      loggerServiceFactory,
      rootLifecycleServiceFactory,
      lifecycleServiceFactory,
    ];
    const replaced = new Set(services.map(serviceId));
    const backend = createSpecializedBackend({
      defaultServiceFactories: [
        ...defaults.filter((f) => !replaced.has(serviceId(f))),
        ...(services as Factory[]),
      ],
      // Keep reports of slow plugins out of the suite's timing; shutdown phases stay bounded.
      pendingReportIntervalMs: false,
      shutdownPhaseTimeoutMs: 1000,
    });
    for (const feature of features) backend.add(feature as never);
    // The reference's own WiringGraph type spells module node ids more loosely than the spec's.
    return backend as unknown as AdapterBackend;
  },
};

export default adapter;
