import type { JsonObject, ServiceFactory, ValidationReport, WiringGraph } from '@openstage/spec';
import type { Capability } from './capabilities.js';

/** The conformance classes of spec/docs/01-conformance.md. */
export type ConformanceClass = 'runtime' | 'service' | 'feature' | 'testkit';

/**
 * The `supports` manifest (CLS-016 to CLS-020): capability name to `true`, `false` or an
 * object with details. Read it for truthiness only.
 */
export type SupportsManifest = Partial<Record<Capability, boolean | JsonObject>>;

/** What the suite asks an adapter to build, for one backend. */
export interface CreateBackendOptions {
  /**
   * Features to pass to the backend's `add()`, in this order, before `createBackend` returns.
   * They are plain wire-format objects (or promises or module namespaces of them) built by the
   * suite; some are deliberately malformed.
   */
  features: readonly unknown[];
  /**
   * Service factories to install as default service factories (`createSpecializedBackend`'s
   * `defaultServiceFactories`). Each replaces the adapter's own default for the same service
   * id; the suite uses this to supply a capturing `core.rootLogger` or a recording
   * `core.rootLifecycle`. Pass them through unchanged, even when they look wrong: some tests
   * check how the runtime rejects them.
   */
  services: readonly ServiceFactory[];
  /** Configuration data that the adapter's `core.rootConfig` serves. */
  config: JsonObject;
}

/**
 * One backend instance as the suite drives it. `start`, `stop` and `add` are the spec's
 * `Backend` methods; `validate` and `graph` are required of an Openstage runtime (BACK-060,
 * BACK-076) but optional here so that Backstage's runtime can be driven too: a test that needs
 * a missing method fails.
 */
export interface AdapterBackend {
  add?(feature: unknown): void;
  start(): Promise<unknown>;
  stop(): Promise<unknown>;
  validate?(): Promise<ValidationReport>;
  graph?(): Promise<WiringGraph>;
}

/**
 * What an implementation provides to be judged by the suite.
 *
 * Every call of `createBackend` must return a fresh backend, sharing no features, services or
 * lifecycle state with any other (BACK-008). It must install, unless `services` replaces them,
 * default factories for `core.rootConfig` (serving `config`), `core.rootLogger`, `core.logger`,
 * `core.rootLifecycle` and `core.lifecycle`. It may throw synchronously: that is the runtime's
 * `createSpecializedBackend` rejecting its options, and tests judge it.
 */
export interface ConformanceAdapter {
  /** Short adapter name, used for the expectations file name (`expectations/<name>.json`). */
  name: string;
  /** The implementation's package name, for the report (CLS-023). */
  implementation: string;
  /** The implementation's version, for the report (CLS-023). */
  version: string;
  /** The classes this adapter is judged for; only `runtime` has suites so far. */
  classes: readonly ConformanceClass[];
  /** The capabilities the implementation declares (CLS-016). */
  supports: SupportsManifest;
  createBackend(options: CreateBackendOptions): AdapterBackend;
}
