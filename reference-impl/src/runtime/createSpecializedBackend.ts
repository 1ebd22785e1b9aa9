import { OpenstageError } from '../errors/OpenstageError.js';
import { PLUGIN_METADATA_SERVICE_ID } from '../wireFormat/constants.js';
import type {
  BackendFeature,
  ExtensionPointFactoryMiddleware,
  InternalServiceFactory,
  ServiceFactory,
} from '../wireFormat/types.js';
import { BackendInitializer } from './BackendInitializer.js';
import { processInstanceRegistry, type BackendInstanceRegistry } from './BackendInstanceRegistry.js';
import type { BackendStartupResult } from './BackendStartupResult.js';
import { buildWiringGraph } from './graph/buildWiringGraph.js';
import type { WiringGraph } from './graph/WiringGraph.js';
import type { ValidationResult } from './preflight/PreflightFinding.js';
import { serviceCycles } from './preflight/findServiceCycles.js';
import { ServiceRegistry } from './ServiceRegistry.js';
import type { TimelineEntrySnapshot } from './StartupTimeline.js';
import { unwrapFeature } from './unwrapFeature.js';
import { validateServiceFactory } from './validateBackendFeature.js';

/** Options of {@link createSpecializedBackend}. */
export interface CreateSpecializedBackendOptions {
  defaultServiceFactories: ServiceFactory[];
  extensionPointFactoryMiddleware?: ExtensionPointFactoryMiddleware[];
  /**
   * How long a plugin may stay pending before the log says what it waits on
   * (then again every interval). Overrides `backend.startup.pendingReportInterval`
   * (default 10 s); `false` disables the report.
   */
  pendingReportIntervalMs?: number | false;
  /** Signal handling registry; defaults to the process-wide one. */
  instanceRegistry?: BackendInstanceRegistry;
}

/** A backend instance. A superset of Backstage's `Backend`. */
export interface Backend {
  add(feature: BackendFeature | Promise<{ default: BackendFeature }>): void;
  start(): Promise<{ result: BackendStartupResult }>;
  stop(): Promise<void>;
  /** Runs every phase up to preflight without initializing anything (INIT-130). */
  validate(): Promise<ValidationResult>;
  /** The resolved wiring as stable, sorted data, with `toMermaid()` (BACK-076). */
  graph(): Promise<WiringGraph>;
  /** Every startup phase so far, with timings and, while pending, what it waits on (INIT-140). */
  getStartupTimeline(): TimelineEntrySnapshot[];
  /** The shutdown phases recorded by `stop()`. */
  getShutdownTimeline(): TimelineEntrySnapshot[];
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Creates an empty backend with the given default service factories.
 *
 * Throws synchronously (`SVC_DUPLICATE_FACTORY`, `SVC_PLUGIN_METADATA_OVERRIDE`,
 * `SVC_CIRCULAR_DEPENDENCY`) when the defaults themselves are inconsistent.
 */
export function createSpecializedBackend(options: CreateSpecializedBackendOptions): Backend {
  const registry = new ServiceRegistry();
  const seen = new Map<string, string>();
  const duplicates = new Map<string, string[]>();
  options.defaultServiceFactories.forEach((value, index) => {
    const source = `defaultServiceFactories[${index}]`;
    const factory: InternalServiceFactory = validateServiceFactory(value, source);
    const id = factory.service.id;
    if (id === PLUGIN_METADATA_SERVICE_ID) {
      throw new OpenstageError('SVC_PLUGIN_METADATA_OVERRIDE', { serviceId: id, path: source });
    }
    const first = seen.get(id);
    if (first !== undefined && !factory.service.multiton) {
      duplicates.set(id, [...(duplicates.get(id) ?? [first]), source]);
      return;
    }
    seen.set(id, source);
    registry.add(factory, 'default', source);
  });
  if (duplicates.size > 0) {
    const [serviceId, paths] = [...duplicates][0]!;
    throw new OpenstageError('SVC_DUPLICATE_FACTORY', { serviceId, paths });
  }
  checkDefaultsForCycles(registry);

  const initializer = new BackendInitializer({
    registry,
    extensionPointFactoryMiddleware: options.extensionPointFactoryMiddleware ?? [],
    instanceRegistry: options.instanceRegistry ?? processInstanceRegistry,
    ...(options.pendingReportIntervalMs !== undefined ? { pendingReportIntervalMs: options.pendingReportIntervalMs } : {}),
  });

  return {
    add(feature) {
      initializer.add(isPromise(feature) ? feature.then(unwrapFeature) : Promise.resolve(unwrapFeature(feature)));
    },
    start: () => initializer.start(),
    stop: () => initializer.stop(),
    validate: () => initializer.validate(),
    async graph() {
      const { model, preflight } = await initializer.collect();
      return buildWiringGraph(model, preflight);
    },
    getStartupTimeline: () => initializer.timeline.entries(),
    getShutdownTimeline: () => initializer.timeline.shutdownEntries(),
  };
}

/**
 * Cycles among the default factories are a construction error. Only provided
 * factories are inspected here (ref defaults load asynchronously and are
 * covered by preflight).
 */
function checkDefaultsForCycles(registry: ServiceRegistry): void {
  const nodes = new Map<string, { id: string; deps: { id: string }[] }>();
  for (const [id, records] of registry.allRecords()) {
    nodes.set(id, { id, deps: records.flatMap((r) => Object.values(r.factory.deps)) });
  }
  const cycle = serviceCycles(nodes)[0];
  if (cycle) {
    throw new OpenstageError('SVC_CIRCULAR_DEPENDENCY', { serviceId: cycle[0]!, cycle });
  }
}
