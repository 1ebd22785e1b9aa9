import type { JsonObject, ServiceFactory, ValidationReport, WiringGraph } from '@openstage/spec';
import type { Capability } from './capabilities.js';
import type { SuiteClock } from './createSuiteClock.js';

/** The conformance classes of spec/docs/01-conformance.md. */
export type ConformanceClass = 'runtime' | 'service' | 'feature' | 'testkit';

/**
 * The `supports` manifest (CLS-016 to CLS-020): capability name to `true`, `false` or an
 * object with details. Read it for truthiness only.
 */
export type SupportsManifest = Partial<Record<Capability, boolean | JsonObject>>;

/** One external engine a run used, such as `{ name: 'postgres', version: '16.4' }` (CLS-026). */
export interface EngineInfo {
  name: string;
  version: string;
}

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
 * The profile a service implementation claims (CLS-006): `interface` for what every
 * implementation of the service does, `default` for the default implementation's
 * configuration-driven behaviour as well (CLS-007, CLS-008).
 */
export type ServiceProfile = 'interface' | 'default';

/** What the suite passes when it asks for a fresh factory of a service under test. */
export interface ServiceUnderTestOptions {
  /**
   * The configuration of the backend the factory goes into. A `core.rootConfig` under test must
   * serve exactly this data; other services read it through `core.rootConfig` as usual.
   */
  config: JsonObject;
  /**
   * The suite's fake clock (TEST-231 to TEST-235 shape, with timers and `track`), given only when
   * the service declares `clock: true`. An implementation that honours it takes every time
   * reading for expiry and scheduling from `clock.now()` and waits with `clock.setTimeout`, so
   * that TTL and scheduling tests run without real waiting (TEST-239).
   */
  clock?: SuiteClock;
  /**
   * Given to a `core.rootLogger` under test: where it writes each finished line (without line
   * break) instead of standard output, so that what it writes can be judged (LOG-034). A logger
   * that cannot redirect its output may ignore it; the suite then reads standard output.
   */
  output?: (line: string) => void;
}

/**
 * One service implementation under test (conformance class `service`, CLS-006 to CLS-009): a
 * function that returns a fresh service factory, or several (the service's own helpers, such as
 * a `core.urlReader.factories` contribution), for each backend the suite builds.
 */
export interface ServiceUnderTest {
  /** The profile claimed for this service (CLS-006); `default` unlocks the default-profile tests. */
  profile: ServiceProfile;
  /** Whether the factory honours `options.clock`; without it, TTL tests wait in real time. */
  clock?: boolean;
  /**
   * Optional behaviour the implementation declares, read by the tests that need it, for example
   * `redactsSecrets` for a logger that hides configuration secrets, or `sharedDatabase` for a
   * scheduler whose global tasks coordinate through `core.database`.
   */
  declares?: Readonly<Record<string, boolean>>;
  /** A fresh factory (never a cached one) for the backend the suite is about to create. */
  factory(options: ServiceUnderTestOptions): ServiceFactory | readonly ServiceFactory[];
}

/** Service ids to the implementations under test, such as `{ 'core.cache': myCache }`. */
export type ServicesUnderTest = Partial<Record<string, ServiceUnderTest>>;

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
  /**
   * The `@openstage/spec` version the implementation claims to conform to (CLS-024), as a full
   * semantic version. When set and different from the version this suite release targets, a run
   * refuses to start with `CLS_SPEC_VERSION_MISMATCH` (CLS-025).
   */
  specVersion?: string;
  /** The classes this adapter is judged for (`runtime` and `service` have suites). */
  classes: readonly ConformanceClass[];
  /** The capabilities the implementation declares (CLS-016). */
  supports: SupportsManifest;
  /**
   * The databases, caches and other external engines that the implementation's backends use in
   * this run, each with the version of the server it reached (CLS-026). The report lists them as
   * `environment.engines`; leave it out when the run uses none.
   */
  engines?: readonly EngineInfo[];
  createBackend(options: CreateBackendOptions): AdapterBackend;
  /**
   * The service implementations judged by the service suites (class `service`), by service id.
   * A service test builds its backend with `createBackend`, passing fresh factories of every
   * service declared here as `services`, so they replace the adapter's own defaults. A service
   * test whose service is not declared here ends as `not-supported`. To judge one custom
   * factory, spread another adapter's map and replace one entry.
   */
  services?: ServicesUnderTest;
}
