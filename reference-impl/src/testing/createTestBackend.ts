import type {
  Backend,
  BackendFeature,
  ExtensionPoint,
  TestBackend,
  TestBackendOptions,
} from '@openstage/spec';
import { createBackendModule } from '../authoring/createBackendModule.js';
import { createBackendPlugin } from '../authoring/createBackendPlugin.js';
import { BackendInstanceRegistry } from '../runtime/BackendInstanceRegistry.js';
import { createSpecializedBackend } from '../runtime/createSpecializedBackend.js';
import type { InternalRegistration, InternalServiceFactory } from '../wireFormat/types.js';
import { collectTestFeatures, withRegistrations } from './collectTestFeatures.js';
import { createTestServiceFactories } from './createTestServiceFactories.js';
import type { TestServer, TestServerSlot } from './createTestRootHttpRouterFactory.js';
import { FaultInjector } from './FaultInjector.js';
import { registerAfterAll } from './registerAfterAll.js';
import { createScenarioFactories } from './scenario/createScenarioFactories.js';
import { TestKitError } from './TestKitError.js';

/** The synthetic module that registers `options.extensionPoints` (TEST-042, TU-05). */
const EXTENSION_POINT_MODULE_ID = 'test-extension-point-registration';

/** Test backends handle no process signals: the runner owns the process. */
const quietRegistry = new BackendInstanceRegistry({
  target: { addListener: () => undefined, removeListener: () => undefined },
  exit: () => undefined,
});

/**
 * Creates a test backend without starting it (TEST-254): the options of `startTestBackend`, for
 * tests that need to watch a start, for example one that hangs. `start()` prepares the features
 * (orphan modules, extension points, faults) and then starts the backend.
 */
export function createTestBackend<TExtensionPoints extends unknown[]>(
  options: TestBackendOptions<TExtensionPoints>,
): TestBackend<TestServer> {
  const slot: TestServerSlot = {};
  const faults = new FaultInjector(options.faults);
  const defaults = createTestServiceFactories({
    serverSlot: slot,
    overrides: createScenarioFactories(options),
  }) as unknown as InternalServiceFactory[];
  const inner = createSpecializedBackend({
    defaultServiceFactories: defaults.map((f) => faults.wrapFactory(f)) as never,
    instanceRegistry: quietRegistry,
  }) as unknown as Backend;

  const pending: unknown[] = [...(options.features ?? [])];
  let starting: Promise<{ result: unknown }> | undefined;
  let stopping: ReturnType<Backend['stop']> | undefined;

  const prepare = async (): Promise<void> => {
    const collected = await collectTestFeatures(pending.splice(0));
    const all = collected.registrations.flatMap((c) => c.registrations);
    const extras = extensionPointModules(options.extensionPoints ?? [], all);
    const extraRegistrations = (await collectTestFeatures(extras)).registrations;
    const orphans = orphanPlugins([...all, ...extraRegistrations.flatMap((c) => c.registrations)]);
    const everything = [
      ...extraRegistrations,
      ...(await collectTestFeatures(orphans)).registrations,
      ...collected.registrations,
    ];
    const serviceIds = new Set(
      [...defaults, ...collected.serviceFactories].map((f) => f.service.id),
    );
    faults.checkTargets(
      everything.flatMap((c) => c.registrations),
      serviceIds,
    );
    for (const { feature, registrations } of everything) {
      inner.add(
        withRegistrations(
          feature,
          registrations.map((r) => faults.wrapRegistration(r)),
        ),
      );
    }
    for (const factory of collected.serviceFactories)
      inner.add(faults.wrapFactory(factory) as unknown as BackendFeature);
    for (const other of collected.others) inner.add(other);
  };

  const backend: TestBackend<TestServer> = {
    add(feature) {
      if (starting === undefined) pending.push(feature);
      else inner.add(feature);
    },
    start() {
      starting ??= prepare().then(() => inner.start());
      return starting as ReturnType<Backend['start']>;
    },
    stop() {
      if (stopping === undefined) {
        unregister();
        faults.releaseHangs();
        stopping = inner.stop();
      }
      return stopping;
    },
    validate: () => inner.validate(),
    graph: () => inner.graph(),
    getStartupTimeline: () => inner.getStartupTimeline(),
    get server(): TestServer {
      if (slot.server === undefined) {
        throw new TestKitError('TEST_SERVER_UNAVAILABLE', { serviceId: 'core.rootHttpRouter' });
      }
      return slot.server;
    },
  };
  // TEST-010, TEST-011: stopped at the end of the file when the runner has afterAll.
  const unregister = registerAfterAll(async () => {
    await backend.stop();
  });
  return backend;
}

/** TEST-041: an empty plugin for every plugin id that only modules mention. */
function orphanPlugins(registrations: readonly InternalRegistration[]): BackendFeature[] {
  const plugins = new Set(registrations.filter((r) => !('moduleId' in r)).map((r) => r.pluginId));
  const orphans = new Set(
    registrations.filter((r) => 'moduleId' in r && !plugins.has(r.pluginId)).map((r) => r.pluginId),
  );
  return [...orphans].map(
    (pluginId) =>
      createBackendPlugin({
        pluginId,
        register(reg) {
          reg.registerInit({ deps: {}, async init() {} });
        },
      }) as unknown as BackendFeature,
  );
}

/**
 * TEST-042 to TEST-044: one synthetic module per plugin whose modules use the given extension
 * points, registering the given implementations.
 */
function extensionPointModules(
  tuples: ReadonlyArray<readonly [ExtensionPoint<unknown>, unknown]>,
  registrations: readonly InternalRegistration[],
): BackendFeature[] {
  const byPlugin = new Map<string, Array<readonly [ExtensionPoint<unknown>, unknown]>>();
  const unused: string[] = [];
  for (const tuple of tuples) {
    const id = tuple[0].id;
    const consumers = registrations.filter(
      (r) =>
        'moduleId' in r &&
        Object.values(r.init.deps).some(
          (dep) =>
            (dep as { $$type?: unknown }).$$type === '@backstage/ExtensionPoint' && dep.id === id,
        ),
    );
    if (consumers.length === 0) {
      unused.push(id);
      continue;
    }
    for (const pluginId of new Set(consumers.map((r) => r.pluginId))) {
      byPlugin.set(pluginId, [...(byPlugin.get(pluginId) ?? []), tuple]);
    }
  }
  if (unused.length > 0) {
    throw new TestKitError('TEST_EXTENSION_POINT_UNUSED', {
      extensionPointId: unused[0]!,
      extensionPointIds: unused,
    });
  }
  return [...byPlugin].map(
    ([pluginId, list]) =>
      createBackendModule({
        pluginId,
        moduleId: EXTENSION_POINT_MODULE_ID,
        register(reg) {
          for (const [ref, impl] of list) reg.registerExtensionPoint(ref as never, impl);
          reg.registerInit({ deps: {}, async init() {} });
        },
      }) as unknown as BackendFeature,
  );
}
