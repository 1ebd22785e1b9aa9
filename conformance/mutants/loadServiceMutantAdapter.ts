import { pathToFileURL } from 'node:url';
import * as builtDefaults from '@openstage/reference-impl/defaults';
import type { Config, FakeClock, ServiceFactory } from '@openstage/spec';
import { referenceServices } from '../adapters/reference/services.js';
import type {
  ConformanceAdapter,
  ServiceUnderTest,
  ServicesUnderTest,
} from '../src/harness/ConformanceAdapter.js';
import type { SuiteClock } from '../src/harness/createSuiteClock.js';
import type { MutantSources } from './applyMutant.js';
import { loadMutantAdapter } from './loadMutantAdapter.js';

type Module = Record<string, unknown>;

async function load(src: MutantSources, path: string): Promise<Module> {
  return (await import(pathToFileURL(src.resolve(path)).href)) as Module;
}

/** The export name under which the built reference's `defaults` entry point exports `factory`. */
function defaultsExportOf(factory: unknown): string | undefined {
  return Object.entries(builtDefaults as Module).find(([, value]) => value === factory)?.[0];
}

/**
 * The `core.cache` entry of the reference adapter, built from the copy's own cache classes: the
 * reference entry passes the suite's clock to the cache manager, which no exported factory does.
 */
async function cacheEntry(src: MutantSources, base: ServiceUnderTest): Promise<ServiceUnderTest> {
  const { createServiceFactory, coreServices } = (await load(src, 'authoring/index.ts')) as {
    createServiceFactory: (options: object) => ServiceFactory;
    coreServices: Record<string, unknown>;
  };
  const { CacheManager } = (await load(src, 'services/cache/index.ts')) as {
    CacheManager: {
      fromConfig(
        config: Config,
        options: { clock?: FakeClock; rootLifecycle: unknown; logger: unknown },
      ): { forPlugin(pluginId: string, options: { logger: unknown }): unknown };
    };
  };
  type Deps = Record<string, { child(meta: object): unknown; getId(): string }>;
  return {
    ...base,
    factory: ({ clock }) =>
      createServiceFactory({
        service: coreServices['cache'],
        deps: {
          config: coreServices['rootConfig'],
          rootLifecycle: coreServices['rootLifecycle'],
          rootLogger: coreServices['rootLogger'],
          logger: coreServices['logger'],
          pluginMetadata: coreServices['pluginMetadata'],
        },
        createRootContext: ({ config, rootLifecycle, rootLogger }: Deps) =>
          CacheManager.fromConfig(config as unknown as Config, {
            ...(clock ? { clock } : {}),
            rootLifecycle,
            logger: rootLogger!.child({ service: 'cache' }),
          }),
        factory: (
          { pluginMetadata, logger }: Deps,
          manager: ReturnType<typeof CacheManager.fromConfig>,
        ) => manager.forPlugin(pluginMetadata!.getId(), { logger }),
      }),
  };
}

/**
 * The `core.scheduler` entry of the reference adapter, built from the copy's scheduler: the
 * reference entry passes the suite's clock to `createSchedulerServiceFactory`.
 */
async function schedulerEntry(
  src: MutantSources,
  base: ServiceUnderTest,
): Promise<ServiceUnderTest> {
  const { createSchedulerServiceFactory } = (await load(src, 'services/scheduler/index.ts')) as {
    createSchedulerServiceFactory: (options: { clock?: SuiteClock }) => ServiceFactory;
  };
  return {
    ...base,
    factory: ({ clock }) => createSchedulerServiceFactory(clock ? { clock } : {}),
  };
}

/**
 * The `core.rootLogger` entry of the reference adapter, built from the copy's root logger and
 * secret collection: the reference entry writes to the suite's sink and collects secrets with the
 * spec's schemas.
 */
async function rootLoggerEntry(
  src: MutantSources,
  base: ServiceUnderTest,
): Promise<ServiceUnderTest> {
  const { createServiceFactory, coreServices } = (await load(src, 'authoring/index.ts')) as {
    createServiceFactory: (options: object) => ServiceFactory;
    coreServices: Record<string, unknown>;
  };
  const { createRootLoggerFromConfig } = (await load(src, 'services/rootLogger/index.ts')) as {
    createRootLoggerFromConfig: (
      config: Config,
      options: { secrets: (config: Config) => Iterable<unknown>; write?: (line: string) => void },
    ) => unknown;
  };
  const { collectSecrets, loadSpecSchemas } = (await load(src, 'services/rootConfig/index.ts')) as {
    collectSecrets: (config: Config, schemas: readonly unknown[]) => Iterable<unknown>;
    loadSpecSchemas: () => Promise<unknown>;
  };
  return {
    ...base,
    factory: ({ output }) =>
      createServiceFactory({
        service: coreServices['rootLogger'],
        deps: { config: coreServices['rootConfig'] },
        factory: async ({ config }: { config: Config }) => {
          const schema = await loadSpecSchemas();
          return createRootLoggerFromConfig(config, {
            secrets: (current) => collectSecrets(current, [schema]),
            ...(output ? { write: output } : {}),
          });
        },
      }),
  };
}

/** Entries the reference adapter builds itself rather than take from its `defaults`. */
const BUILT_ENTRIES: Readonly<
  Record<string, (src: MutantSources, base: ServiceUnderTest) => Promise<ServiceUnderTest>>
> = {
  'core.cache': cacheEntry,
  'core.scheduler': schedulerEntry,
  'core.rootLogger': rootLoggerEntry,
};

/**
 * The service entries of the reference adapter, rebased onto a copy of the reference sources:
 * an entry that hands out a factory exported by `@openstage/reference-impl/defaults` gets the
 * copy's factory of the same name, so a mutant of that service is what the suite judges. An entry
 * this function does not know how to rebase is an error, never silently the unmutated reference.
 */
async function rebaseServices(
  src: MutantSources,
  only: readonly string[],
): Promise<ServicesUnderTest> {
  const copyDefaults = await load(src, 'defaults.ts');
  const services: ServicesUnderTest = { ...referenceServices };
  for (const id of only) {
    const base = referenceServices[id];
    if (!base) throw new Error(`the reference adapter declares no service '${id}' to mutate`);
    const build = BUILT_ENTRIES[id];
    if (build) {
      services[id] = await build(src, base);
      continue;
    }
    const name = defaultsExportOf(base.factory({ config: {} }));
    const factory = name === undefined ? undefined : copyDefaults[name];
    if (factory === undefined)
      throw new Error(
        `cannot rebase the reference entry of '${id}' onto the mutant copy: it is not a factory exported by @openstage/reference-impl/defaults; teach mutants/loadServiceMutantAdapter.ts to build it`,
      );
    services[id] = { ...base, factory: () => factory as ServiceFactory };
  }
  return services;
}

/**
 * An adapter for a mutant of a service: the runtime of the copy, and the reference adapter's
 * service entries with those of `serviceIds` built from the copy.
 */
export async function loadServiceMutantAdapter(
  src: MutantSources,
  name: string,
  serviceIds: readonly string[],
): Promise<ConformanceAdapter> {
  const runtime = await loadMutantAdapter(src, name);
  return {
    ...runtime,
    classes: ['runtime', 'service'],
    services: await rebaseServices(src, serviceIds),
  };
}
