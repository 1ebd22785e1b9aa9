import { pathToFileURL } from 'node:url';
import type {
  coreServices,
  createServiceFactory,
  createSpecializedBackend,
} from '@openstage/reference-impl';
import type { AdapterBackend, ConformanceAdapter } from '../src/harness/ConformanceAdapter.js';
import type { MutantSources } from './applyMutant.js';

type Factory = Parameters<typeof createSpecializedBackend>[0]['defaultServiceFactories'][number];

interface Runtime {
  createSpecializedBackend: typeof createSpecializedBackend;
  createServiceFactory: typeof createServiceFactory;
  coreServices: typeof coreServices;
  defaults: Factory[];
  ConfigReader: { fromData(data: object): unknown };
}

/** Imports a module of a (mutated) variant of the sources; the test runner transforms the TypeScript. */
async function load<T>(src: MutantSources, path: string): Promise<T> {
  return (await import(pathToFileURL(src.resolve(path)).href)) as T;
}

async function loadRuntime(src: MutantSources): Promise<Runtime> {
  const { createSpecializedBackend } = await load<Pick<Runtime, 'createSpecializedBackend'>>(
    src,
    'runtime/createSpecializedBackend.ts',
  );
  const { createServiceFactory, coreServices } = await load<
    Pick<Runtime, 'createServiceFactory' | 'coreServices'>
  >(src, 'authoring/index.ts');
  const service = async (name: string, exported: string): Promise<Factory> =>
    (await load<Record<string, Factory>>(src, `services/${name}/index.ts`))[exported]!;
  const defaults = [
    await service('rootLogger', 'rootLoggerServiceFactory'),
    await service('logger', 'loggerServiceFactory'),
    await service('rootLifecycle', 'rootLifecycleServiceFactory'),
    await service('lifecycle', 'lifecycleServiceFactory'),
  ];
  const { ConfigReader } = await load<Pick<Runtime, 'ConfigReader'>>(
    src,
    'services/rootConfig/index.ts',
  );
  return { createSpecializedBackend, createServiceFactory, coreServices, defaults, ConfigReader };
}

const serviceId = (factory: unknown): unknown =>
  (factory as { service?: { id?: unknown } } | null)?.service?.id;

/**
 * An adapter over a variant of the reference sources (mutated or not). It wires the
 * runtime exactly as the built-in `reference` adapter wires the built package, so a mutant
 * differs from the reference only by its edit.
 */
export async function loadMutantAdapter(
  src: MutantSources,
  name: string,
): Promise<ConformanceAdapter> {
  const runtime = await loadRuntime(src);
  return {
    name,
    implementation: '@openstage/reference-impl (mutant)',
    version: '0.0.0-mutant',
    classes: ['runtime'],
    supports: { signals: true },
    createBackend({ features, services, config }) {
      const rootConfig = runtime.createServiceFactory({
        service: runtime.coreServices.rootConfig,
        deps: {},
        factory: () => runtime.ConfigReader.fromData(config) as never,
      });
      const replaced = new Set(services.map(serviceId));
      const backend = runtime.createSpecializedBackend({
        defaultServiceFactories: [
          ...[rootConfig, ...runtime.defaults].filter((f) => !replaced.has(serviceId(f))),
          ...(services as Factory[]),
        ],
        pendingReportIntervalMs: false,
        shutdownPhaseTimeoutMs: 1000,
      });
      for (const feature of features) backend.add(feature as never);
      return backend as unknown as AdapterBackend;
    },
  };
}
