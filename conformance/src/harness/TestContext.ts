import type { JsonObject, ServiceFactory, ValidationReport, WiringGraph } from '@openstage/spec';
import {
  capturingRootLoggerFactory,
  type CapturedLogEntry,
} from '../features/capturingRootLogger.js';
import { AssertionFailure, SkipSignal } from './AssertionFailure.js';
import type {
  AdapterBackend,
  ConformanceAdapter,
  ServicesUnderTest,
  SupportsManifest,
} from './ConformanceAdapter.js';
import { ImplementationError } from './ImplementationError.js';

/** Options of {@link TestContext.createBackend}. */
export interface TestBackendOptions {
  features?: readonly unknown[];
  /** Service factories installed as defaults, replacing the adapter's for the same id. */
  services?: readonly unknown[];
  config?: JsonObject;
  /** Supply the suite's capturing `core.rootLogger` (default `true`, unless `services` has one). */
  captureLogs?: boolean;
}

/**
 * A backend as a test sees it. Every method forwards to the adapter's backend and wraps what
 * the implementation throws in an {@link ImplementationError} naming the phase.
 */
export interface TestBackend {
  /** Returns what the implementation's `add()` returned (BACK-012 says `undefined`). */
  add(feature: unknown): unknown;
  start(): Promise<unknown>;
  stop(): Promise<unknown>;
  validate(): Promise<ValidationReport>;
  graph(): Promise<WiringGraph>;
}

/** A fast-check run the report records (seed and, on failure, the replay path). */
export interface PropertyRun {
  seed: number;
  numRuns: number;
  path?: string;
}

/** What a test body receives. */
export interface TestContext {
  readonly adapterName: string;
  readonly supports: SupportsManifest;
  /** The service implementations the adapter declares for the service suites (may be empty). */
  readonly servicesUnderTest: ServicesUnderTest;
  /** This test's seed: the run's seed mixed with the test id, so `--grep` replays it. */
  readonly seed: number;
  /** fast-check `numRuns` for property tests. */
  readonly numRuns: number;
  /** Aborted when the test times out; long loops should check it. */
  readonly signal: AbortSignal;
  /** Every entry logged through the capturing root logger by this test's backends. */
  readonly logs: CapturedLogEntry[];
  createBackend(options?: TestBackendOptions): TestBackend;
  /** Ends the test as `skipped` with `reason`. */
  skip(reason: string): never;
  /** Records a fast-check run for the report. */
  recordProperty(run: PropertyRun): void;
}

/** The harness side of a context: what the runner needs after the body settled. */
export interface TestContextControl {
  context: TestContext;
  /** Backends created by the test, for cleanup. */
  backends: AdapterBackend[];
  properties: PropertyRun[];
  abort(): void;
}

const wrapAsync = async <T>(
  phase: ImplementationError['phase'],
  action: () => Promise<T>,
): Promise<T> => {
  try {
    return await action();
  } catch (error) {
    throw new ImplementationError(phase, error);
  }
};

export function createTestContext(options: {
  adapter: ConformanceAdapter;
  supports: SupportsManifest;
  seed: number;
  numRuns: number;
}): TestContextControl {
  const { adapter } = options;
  const controller = new AbortController();
  const backends: AdapterBackend[] = [];
  const properties: PropertyRun[] = [];
  const logs: CapturedLogEntry[] = [];

  const createBackend = (backendOptions: TestBackendOptions = {}): TestBackend => {
    // A body abandoned at its timeout may go on running; a backend it created now would never
    // be stopped (cleanup has run), and would keep its port and timers into later tests.
    if (controller.signal.aborted)
      throw new AssertionFailure('the test timed out; no backend is created after its timeout');
    const services = [...(backendOptions.services ?? [])];
    const hasRootLogger = services.some(
      (s) => (s as { service?: { id?: unknown } } | null)?.service?.id === 'core.rootLogger',
    );
    if (backendOptions.captureLogs !== false && !hasRootLogger)
      services.unshift(capturingRootLoggerFactory(logs));
    let backend: AdapterBackend;
    try {
      backend = adapter.createBackend({
        features: backendOptions.features ?? [],
        services: services as ServiceFactory[],
        config: backendOptions.config ?? {},
      });
    } catch (error) {
      throw new ImplementationError('creation', error);
    }
    backends.push(backend);
    return {
      add(feature) {
        if (typeof backend.add !== 'function')
          throw new AssertionFailure(`adapter '${adapter.name}': the backend has no add()`);
        try {
          return (backend.add as (f: unknown) => unknown)(feature);
        } catch (error) {
          throw new ImplementationError('registration', error);
        }
      },
      start: () => wrapAsync('startup', () => backend.start()),
      stop: () => wrapAsync('shutdown', () => backend.stop()),
      validate: () => {
        const validate = backend.validate?.bind(backend);
        if (!validate)
          return Promise.reject(
            new AssertionFailure(
              `adapter '${adapter.name}': the backend has no validate() (BACK-060)`,
            ),
          );
        return wrapAsync('validation', validate);
      },
      graph: () => {
        const graph = backend.graph?.bind(backend);
        if (!graph)
          return Promise.reject(
            new AssertionFailure(
              `adapter '${adapter.name}': the backend has no graph() (BACK-076)`,
            ),
          );
        return wrapAsync('validation', graph);
      },
    };
  };

  const context: TestContext = {
    adapterName: adapter.name,
    supports: options.supports,
    servicesUnderTest: adapter.services ?? {},
    seed: options.seed,
    numRuns: options.numRuns,
    signal: controller.signal,
    logs,
    createBackend,
    skip(reason) {
      throw new SkipSignal(reason);
    },
    recordProperty(run) {
      properties.push(run);
    },
  };
  return { context, backends, properties, abort: () => controller.abort() };
}
