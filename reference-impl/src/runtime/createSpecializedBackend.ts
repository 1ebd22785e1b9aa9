import { OpenstageError } from '../errors/OpenstageError.js';
import { BACKEND_FEATURE_TYPE, PLUGIN_METADATA_SERVICE_ID } from '../wireFormat/constants.js';
import type {
  BackendFeature,
  ExtensionPointFactoryMiddleware,
  InternalServiceFactory,
  ServiceFactory,
} from '../wireFormat/types.js';
import { BackendInitializer } from './BackendInitializer.js';
import {
  processInstanceRegistry,
  type BackendInstanceRegistry,
} from './BackendInstanceRegistry.js';
import type { BackendStartupResult } from './BackendStartupResult.js';
import { buildWiringGraph } from './graph/buildWiringGraph.js';
import type { WiringGraph } from './graph/WiringGraph.js';
import type { ValidationResult } from './preflight/PreflightFinding.js';
import { serviceCycles } from './preflight/findServiceCycles.js';
import { ServiceRegistry } from './ServiceRegistry.js';
import type { PluginRuntimeState } from './PluginRuntimeState.js';
import type { StartupTimelineSnapshot } from './StartupTimeline.js';
import { describeValue, validateServiceFactory } from './validateBackendFeature.js';
import type { ShutdownResult } from './ShutdownResult.js';
import type {
  Backend as SpecBackend,
  CreateSpecializedBackendOptions as SpecCreateSpecializedBackendOptions,
  ExtensionPointFactoryMiddleware as SpecExtensionPointFactoryMiddleware,
} from '@openstage/spec';

/** Options of {@link createSpecializedBackend}. */
export interface CreateSpecializedBackendOptions extends SpecCreateSpecializedBackendOptions {
  defaultServiceFactories: ServiceFactory[];
  /**
   * Typed as the spec's opaque middleware type (what Backstage's
   * `createExtensionPointFactoryMiddleware` returns); each element is checked
   * against the wire shape when the backend is created (FEAT-103).
   */
  extensionPointFactoryMiddleware?: SpecExtensionPointFactoryMiddleware[];
  /**
   * How long a plugin may stay pending before the log says what it waits on
   * (then again every interval). Overrides `backend.startup.pendingReportInterval`
   * (default 10 s); `false` disables the report.
   */
  pendingReportIntervalMs?: number | false;
  /** Overrides `backend.lifecycle.shutdownPhaseTimeout` (default 30 s). */
  shutdownPhaseTimeoutMs?: number;
  /** Signal handling registry; defaults to the process-wide one. */
  instanceRegistry?: BackendInstanceRegistry;
}

/** A backend instance. A superset of Backstage's `Backend`. */
export interface Backend extends SpecBackend {
  add(feature: BackendFeature | Promise<{ default: BackendFeature }>): void;
  start(): Promise<{ result: BackendStartupResult }>;
  /** Runs the shutdown phases once; every call resolves to the same result (STOP-020, STOP-026). */
  stop(): Promise<ShutdownResult>;
  /** Runs every phase up to preflight without initializing anything (BACK-060). */
  validate(): Promise<ValidationResult>;
  /** The resolved wiring as stable, sorted data, with `toMermaid()` (BACK-076). */
  graph(): Promise<WiringGraph>;
  /** Every startup phase so far, with timings and, while pending, what it waits on (INIT-140). */
  getStartupTimeline(): StartupTimelineSnapshot;
  /**
   * The state of every plugin right now, including while `start()` runs: `starting`, `ready`,
   * `failed` or `failed-allowed` with the boot-failure policy applied (HLTH-018 to HLTH-023).
   * The runtime's hook for the `rootHealth` readiness payload; see `createBackend`.
   */
  getPluginStates(): PluginRuntimeState[];
}

function isPromise(value: unknown): value is Promise<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Creates an empty backend with the given default service factories.
 *
 * Throws synchronously (`SVC_DUPLICATE_FACTORY`, `SVC_PLUGIN_METADATA_OVERRIDE`,
 * `SVC_CIRCULAR_DEPENDENCY`) when the defaults themselves are inconsistent.
 */
export function createSpecializedBackend(options: CreateSpecializedBackendOptions): Backend {
  const defaults: unknown = (options as { defaultServiceFactories?: unknown } | undefined)
    ?.defaultServiceFactories;
  if (!Array.isArray(defaults)) {
    throw new OpenstageError('BACK_INVALID_OPTIONS', {
      path: 'defaultServiceFactories',
      expected: 'an array of service factories',
      received: describeValue(defaults),
    });
  }
  // BACK-003: plugins, modules and loaders belong in add(), not in the defaults.
  defaults.forEach((value: unknown, index) => {
    const featureType = (value as { featureType?: unknown } | null)?.featureType;
    const isService =
      typeof value === 'object' &&
      value !== null &&
      (featureType === 'service' || 'service' in value);
    if (
      typeof value === 'object' &&
      value !== null &&
      (value as { $$type?: unknown }).$$type === BACKEND_FEATURE_TYPE &&
      !isService
    ) {
      throw new OpenstageError('BACK_INVALID_OPTIONS', {
        path: `defaultServiceFactories[${index}]`,
        expected: 'a service factory',
        received: `a ${String(featureType)} feature`,
      });
    }
  });
  validateMiddleware(options.extensionPointFactoryMiddleware);
  const registry = new ServiceRegistry();
  const seen = new Map<string, string>();
  const duplicates = new Map<string, string[]>();
  defaults.forEach((value: unknown, index) => {
    const source = `defaultServiceFactories[${index}]`;
    const factory: InternalServiceFactory = validateServiceFactory(value, source);
    const id = factory.service.id;
    if (id === PLUGIN_METADATA_SERVICE_ID) {
      throw new OpenstageError('SVC_PLUGIN_METADATA_OVERRIDE', { serviceId: id, path: source });
    }
    const first = seen.get(id);
    // BACK-005: among defaults, a repeated id is an error even for a multiton.
    if (first !== undefined) {
      duplicates.set(id, [...(duplicates.get(id) ?? [first]), source]);
      return;
    }
    seen.set(id, source);
    registry.add(factory, 'default', source);
  });
  if (duplicates.size > 0) {
    // BACK-005: one error naming every duplicated id.
    const [serviceId, paths] = [...duplicates][0]!;
    const all = [...duplicates].map(([id, p]) => `${id} (${p.join(', ')})`);
    throw new OpenstageError('SVC_DUPLICATE_FACTORY', {
      serviceId,
      paths: duplicates.size === 1 ? paths : all,
    });
  }
  checkDefaultsForCycles(registry);

  const initializer = new BackendInitializer({
    registry,
    // validateMiddleware checked each element against the wire shape.
    extensionPointFactoryMiddleware: (options.extensionPointFactoryMiddleware ??
      []) as unknown as ExtensionPointFactoryMiddleware[],
    instanceRegistry: options.instanceRegistry ?? processInstanceRegistry,
    ...(options.pendingReportIntervalMs !== undefined
      ? { pendingReportIntervalMs: options.pendingReportIntervalMs }
      : {}),
    ...(options.shutdownPhaseTimeoutMs !== undefined
      ? { shutdownPhaseTimeoutMs: options.shutdownPhaseTimeoutMs }
      : {}),
  });

  return {
    add(feature) {
      // Unwrapping module namespaces happens once, in collectFeatures (FEAT-015).
      initializer.add(isPromise(feature) ? feature : Promise.resolve(feature));
    },
    start: () => initializer.start(),
    stop: () => initializer.stop(),
    validate: () => initializer.validate(),
    async graph() {
      const { model, preflight } = await initializer.collect();
      return buildWiringGraph(model, preflight);
    },
    getStartupTimeline: () => initializer.timeline.entries(),
    getPluginStates: () => initializer.getPluginStates(),
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
  const cycles = serviceCycles(nodes);
  if (cycles.length > 0) {
    throw new OpenstageError('SVC_CIRCULAR_DEPENDENCY', {
      serviceId: cycles[0]![0]!,
      cycle: cycles[0]!,
      cycles,
    });
  }
}

/** FEAT-103, EXT-040: middleware objects are checked when the backend is created. */
function validateMiddleware(list: unknown): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    throw new OpenstageError('FEAT_INVALID_MIDDLEWARE', {
      path: 'extensionPointFactoryMiddleware',
      expected: 'an array',
      received: describeValue(list),
    });
  }
  list.forEach((item: unknown, index) => {
    const path = `extensionPointFactoryMiddleware[${index}]`;
    const fields = (typeof item === 'object' && item !== null ? item : {}) as Record<
      string,
      unknown
    >;
    const problem: [string, string, unknown] | undefined =
      typeof item !== 'object' || item === null
        ? [path, 'a middleware object', item]
        : fields['$$type'] !== '@backstage/ExtensionPointFactoryMiddleware'
          ? [`${path}.$$type`, '"@backstage/ExtensionPointFactoryMiddleware"', fields['$$type']]
          : fields['version'] !== 'v1'
            ? [`${path}.version`, '"v1"', fields['version']]
            : typeof fields['extensionPointId'] !== 'string'
              ? [`${path}.extensionPointId`, 'a string', fields['extensionPointId']]
              : typeof fields['middleware'] !== 'function'
                ? [`${path}.middleware`, 'a function', fields['middleware']]
                : undefined;
    if (problem) {
      throw new OpenstageError('FEAT_INVALID_MIDDLEWARE', {
        path: problem[0],
        expected: problem[1],
        received: describeValue(problem[2]),
      });
    }
  });
}
