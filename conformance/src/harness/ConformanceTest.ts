import type { Capability } from './capabilities.js';
import type { TestContext } from './TestContext.js';

/** The chapters that runtime suites are organised by, one suite file each. */
export const RUNTIME_CHAPTERS = {
  'wire-format': 'Wire format',
  'backend-instance': 'Backend instance',
  services: 'Services',
  plugins: 'Plugins',
  modules: 'Modules and extension points',
  loaders: 'Feature loaders',
  startup: 'Startup order and failure policy',
  shutdown: 'Shutdown',
  // Service contract suites (class `service`): one chapter per service, test ids
  // `service-<name>/<slug>`, each test naming the service id it judges in `service`.
  'service-root-config': 'Service: rootConfig',
  'service-logger': 'Service: logger',
  'service-lifecycle': 'Service: lifecycle',
  'service-cache': 'Service: cache',
  'service-database': 'Service: database',
  'service-scheduler': 'Service: scheduler',
  'service-discovery': 'Service: discovery',
  'service-http-router': 'Service: httpRouter and rootHttpRouter',
  'service-auth': 'Service: auth and httpAuth',
  'service-permissions': 'Service: permissions',
  'service-url-reader': 'Service: urlReader',
} as const;

/** A chapter id of {@link RUNTIME_CHAPTERS}. */
export type Chapter = keyof typeof RUNTIME_CHAPTERS;

/**
 * Where an expected error must surface: from the adapter's `createBackend` (the runtime's
 * `createSpecializedBackend`), from `add()`, from `start()`, from `validate()` or `graph()`,
 * or from `stop()`.
 */
export type NegativePhase =
  | 'creation'
  | 'registration'
  | 'startup'
  | 'validation'
  | 'shutdown'
  /** A method of a service instance under test (service contract suites). */
  | 'service';

/** Closed list of test flags. */
export type TestFlag =
  /** The test is a fast-check property; its seed is recorded in the report. */
  | 'property'
  /** The test may take up to a few seconds. */
  | 'slow';

/** The expected error of a negative test, judged by `code` and phase, never by message. */
export interface NegativeExpectation {
  phase: NegativePhase;
  /** The `code` the thrown error must carry. */
  code: string;
  /**
   * For `INIT_PREFLIGHT_FAILED`: a code that at least one error finding in the error's
   * `findings` must carry.
   */
  findingCode?: string;
}

/** One conformance test: a metadata header (test262 frontmatter style) and a body. */
export interface ConformanceTest {
  /** Stable id, `<chapter>/<slug>`; expectations files and reports key on it. */
  id: string;
  chapter: Chapter;
  /** Requirement ids from spec/requirements.json that this test checks. */
  requirements: readonly string[];
  /** One line: what the test checks. */
  description: string;
  /** Capabilities the test needs; without them it ends as `not-supported`. */
  features?: readonly Capability[];
  flags?: readonly TestFlag[];
  /** Present for a negative test: the body must throw this error, from this phase. */
  negative?: NegativeExpectation;
  /**
   * For a service contract test: the id of the service it judges (such as `core.cache`). The
   * test ends as `not-supported` unless the adapter declares that service in `services`.
   */
  service?: string;
  /** With `service`: the test judges the default profile (CLS-008) and needs it claimed. */
  profile?: 'default';
  /**
   * With `service`: what the service under test must declare for this test to run, `clock` for
   * `clock: true` or the name of a `declares` entry that must be `true`; without it the test ends
   * as `not-supported`.
   */
  serviceNeeds?: readonly string[];
  /**
   * Where the Test utilities chapter specifies, for the backends of a test kit, behaviour other
   * than what this test checks (CLS-014): the `TEST-*` requirement that does and why it applies.
   * Against an adapter that claims `testkit` without `runtime`, the test ends as `not-supported`
   * naming the requirement; every other adapter runs it.
   */
  testkitExemption?: { requirement: string; reason: string };
  /** Overrides the run's per-test timeout. */
  timeoutMs?: number;
  run(ctx: TestContext): Promise<void>;
}

/** Identity helper that keeps the literal types of a test definition. */
export function defineTest(test: ConformanceTest): ConformanceTest {
  return test;
}
