import type { Culprit } from '@openstage/spec';
import {
  createSpecializedBackend,
  type Backend,
  type CreateSpecializedBackendOptions,
} from '../../src/runtime/createSpecializedBackend.js';
import { BackendInstanceRegistry } from '../../src/runtime/BackendInstanceRegistry.js';
import { createServiceFactory } from '../../src/authoring/createServiceFactory.js';
import { coreServices } from '../../src/authoring/coreServices.js';
import { rootLifecycleServiceFactory } from '../../src/services/rootLifecycle/rootLifecycleServiceFactory.js';
import { lifecycleServiceFactory } from '../../src/services/lifecycle/lifecycleServiceFactory.js';
import { ConsoleLogger, type LogRecord } from '../../src/services/rootLogger/ConsoleLogger.js';
import type { ServiceFactory, ServiceRef } from '../../src/wireFormat/types.js';
import { configFromData } from './configFromData.js';

/** A registry detached from the real process, so tests never install signal handlers. */
export function detachedRegistry(): BackendInstanceRegistry {
  return new BackendInstanceRegistry({
    target: { addListener: () => undefined, removeListener: () => undefined },
    exit: () => undefined,
  });
}

/** A root config service over plain data, read through the real `ConfigReader`. */
export function configFactory(data: Record<string, unknown>): ServiceFactory {
  return createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () => configFromData(data),
  });
}

/** A factory for `service` that always throws `error`, to test how a failing service is reported. */
export function failingServiceFactory(
  service: ServiceRef<unknown, 'root' | 'plugin'>,
  error: Error,
): ServiceFactory {
  return createServiceFactory({
    // Either scope: the overloads of createServiceFactory are picked by the ref's literal scope.
    service: service as ServiceRef<unknown, 'plugin'>,
    deps: {},
    factory: () => {
      throw error;
    },
  });
}

export interface TestBackend extends Backend {
  logs: LogRecord[];
}

/**
 * A backend with the minimal real lifecycle and logger services, a captured
 * log, and optional extra default factories.
 */
export function createTestBackend(
  options: Partial<CreateSpecializedBackendOptions> & { config?: Record<string, unknown> } = {},
): TestBackend {
  const logs: LogRecord[] = [];
  const logger = createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => new ConsoleLogger({ level: 'debug', sink: (r) => logs.push(r) }),
  });
  const defaults = [
    logger,
    rootLifecycleServiceFactory,
    lifecycleServiceFactory,
    ...(options.config ? [configFactory(options.config)] : []),
    ...(options.defaultServiceFactories ?? []),
  ];
  const backend = createSpecializedBackend({
    instanceRegistry: detachedRegistry(),
    ...options,
    defaultServiceFactories: defaults,
  });
  return Object.assign(backend, { logs });
}

/** Captures the error a promise rejects with (fails if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** Captures the error a function throws (fails if it returns). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the function to throw');
}

/** A feature loader's `description` (not part of the public feature type). */
export function loaderDescription(loader: unknown): string {
  return (loader as { description: string }).description;
}

/** Runs `validate()` on a fresh test backend holding `features`. */
export async function findingsOf(
  features: unknown[],
  options: Parameters<typeof createTestBackend>[0] = {},
): Promise<
  // Pick makes an anonymous object type, which (unlike the `Culprit` interface) stays assignable
  // to `Record<string, unknown>` as callers expect.
  Array<
    Pick<Culprit, keyof Culprit> & {
      code: string;
      severity: string;
      message: string;
      hint: string;
      cause?: unknown;
    }
  >
> {
  const backend = createTestBackend(options);
  for (const feature of features) backend.add(feature as never);
  const { findings } = await backend.validate();
  await backend.stop();
  return findings;
}

const noop = async (): Promise<void> => {};

/** A hand-written `registrations` feature, for wire format tests. */
export function rawFeature(
  registrations: unknown[] | (() => unknown),
  extra: Record<string, unknown> = {},
): unknown {
  return {
    $$type: '@backstage/BackendFeature',
    version: 'v1',
    featureType: 'registrations',
    getRegistrations: typeof registrations === 'function' ? registrations : () => registrations,
    ...extra,
  };
}

/** A hand-written `plugin-v1.1` record. */
export function rawPlugin(
  pluginId: unknown,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'plugin-v1.1',
    pluginId,
    extensionPoints: [],
    init: { deps: {}, func: noop },
    ...overrides,
  };
}

/** A hand-written `module-v1.1` record. */
export function rawModule(
  pluginId: unknown,
  moduleId: unknown,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'module-v1.1',
    pluginId,
    moduleId,
    extensionPoints: [],
    init: { deps: {}, func: noop },
    ...overrides,
  };
}
