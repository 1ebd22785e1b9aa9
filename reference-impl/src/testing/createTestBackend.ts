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
import {
  collectTestFeatures,
  withRegistrations,
  type CollectedRegistrations,
} from './collectTestFeatures.js';
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
  pending.forEach(observe);
  let preparing: Promise<void> | undefined;
  let starting: Promise<{ result: unknown }> | undefined;
  let stopping: ReturnType<Backend['stop']> | undefined;

  const wrapped = ({ feature, registrations }: CollectedRegistrations): BackendFeature =>
    withRegistrations(
      feature,
      registrations.map((r) => faults.wrapRegistration(r)),
    );

  const prepare = async (): Promise<void> => {
    const collected = await collectTestFeatures(pending.splice(0));
    const all = collected.registrations.flatMap((c) => c.registrations);
    const extras = extensionPointModules(options.extensionPoints ?? [], all);
    const extraRegistrations = (await collectTestFeatures(extras)).registrations;
    const orphans = orphanPlugins([...all, ...extraRegistrations.flatMap((c) => c.registrations)]);
    const synthetic = [
      ...extraRegistrations,
      ...(await collectTestFeatures(orphans)).registrations,
    ];
    const serviceIds = new Set(
      [...defaults, ...collected.serviceFactories].map((f) => f.service.id),
    );
    faults.checkTargets(
      [...synthetic, ...collected.registrations].flatMap((c) => c.registrations),
      serviceIds,
    );
    // The caller's features first and in the caller's order, so that the runtime's findings name
    // them by the index the caller gave them (`features[1]`); the kit's own modules and plugins
    // come after them.
    for (const item of collected.inOrder) {
      if (item.kind === 'registrations') inner.add(wrapped(item.entry));
      else if (item.kind === 'service')
        inner.add(faults.wrapFactory(item.entry) as unknown as BackendFeature);
      else inner.add(item.entry);
    }
    for (const entry of synthetic) inner.add(wrapped(entry));
  };
  /** Hands the features over to the runtime once, for `start()` and for `validate()`. */
  const prepared = (): Promise<void> => (preparing ??= prepare());

  const backend: TestBackend<TestServer> = {
    add(feature) {
      // Before the features are handed over the kit holds them; after that, and after stop(),
      // the runtime judges the call (BACK-014, BACK-015).
      if (preparing === undefined && stopping === undefined) {
        observe(feature);
        pending.push(feature);
      } else inner.add(feature);
    },
    start() {
      if (starting === undefined) {
        starting = prepared().then(() => inner.start());
        return starting as ReturnType<Backend['start']>;
      }
      // BACK-023: a second start() is refused by the runtime, once the first one reached it.
      return starting.then(() => inner.start()) as ReturnType<Backend['start']>;
    },
    stop() {
      if (stopping === undefined) {
        unregister();
        faults.releaseHangs();
        stopping = inner.stop();
      }
      return stopping;
    },
    // Before start(), validate() and graph() see the features given so far, as the runtime's do.
    validate: async () => {
      if (stopping === undefined) await prepared();
      return inner.validate();
    },
    graph: async () => {
      if (stopping === undefined) await prepared();
      return inner.graph();
    },
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

/**
 * Marks a promise given as a feature as handled: the kit holds it until start(), and a rejection
 * must surface there, as the runtime's start() reports it, not as an unhandled rejection
 * (BACK-018).
 */
function observe(feature: unknown): void {
  if (typeof (feature as { then?: unknown } | null)?.then === 'function')
    Promise.resolve(feature).catch(() => undefined);
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
