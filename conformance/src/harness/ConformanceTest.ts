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
} as const;

/** A chapter id of {@link RUNTIME_CHAPTERS}. */
export type Chapter = keyof typeof RUNTIME_CHAPTERS;

/**
 * Where an expected error must surface: from the adapter's `createBackend` (the runtime's
 * `createSpecializedBackend`), from `add()`, from `start()`, from `validate()` or `graph()`,
 * or from `stop()`.
 */
export type NegativePhase = 'creation' | 'registration' | 'startup' | 'validation' | 'shutdown';

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
  /** Overrides the run's per-test timeout. */
  timeoutMs?: number;
  run(ctx: TestContext): Promise<void>;
}

/** Identity helper that keeps the literal types of a test definition. */
export function defineTest(test: ConformanceTest): ConformanceTest {
  return test;
}
