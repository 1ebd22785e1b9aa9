import type { ConformanceAdapter } from './ConformanceAdapter.js';
import type { ConformanceTest } from './ConformanceTest.js';
import { RUNTIME_CHAPTERS } from './ConformanceTest.js';
import { checkSpecVersion } from './checkSpecVersion.js';
import { checkSupportsManifest } from './checkSupportsManifest.js';
import { checkTests } from './checkTests.js';
import { applyExpectation, type Expectations } from './expectations.js';
import { runTest } from './runTest.js';
import { CERTIFICATION_SEED, testSeed } from './seeds.js';

/** The slice of vitest (or a compatible runner) the suite uses. */
export interface TestApi {
  describe(name: string, body: () => void): void;
  it(
    name: string,
    body: (context: { skip(note?: string): void }) => Promise<void>,
    timeout?: number,
  ): void;
}

export interface DefineConformanceSuiteOptions {
  /** Defaults to every test (runtime and service chapters). */
  tests?: readonly ConformanceTest[];
  expectations?: Expectations;
  seed?: number;
  timeoutMs?: number;
  numRuns?: number;
  /** Only tests whose id matches are defined. */
  grep?: string;
  /** The runner's `describe` and `it`; by default vitest's, imported lazily. */
  testApi?: TestApi;
}

/**
 * Defines one runner test per conformance test, grouped by chapter, inside the caller's own
 * test run (the abstract-level model). Await it at the top level of a test file:
 *
 * ```ts
 * await defineConformanceSuite(myAdapter, { expectations: loadExpectations('expectations.json') });
 * ```
 *
 * An outcome that matches the expectations passes; `not-supported` and `skipped` tests and
 * expected failures are reported as skipped with the reason; anything unexpected fails.
 */
export async function defineConformanceSuite(
  adapter: ConformanceAdapter,
  options: DefineConformanceSuiteOptions = {},
): Promise<void> {
  const api: TestApi = options.testApi ?? ((await import('vitest')) as unknown as TestApi);
  const tests = options.tests ?? (await import('../suites/index.js')).conformanceTests;
  checkTests(tests);
  checkSpecVersion(adapter);
  const supports = checkSupportsManifest(adapter.supports, adapter.name);
  const grep = options.grep === undefined ? undefined : new RegExp(options.grep);
  const seed = options.seed ?? CERTIFICATION_SEED;
  const timeoutMs = options.timeoutMs ?? 2000;
  const expectations = options.expectations ?? new Map();
  api.describe(`openstage conformance: ${adapter.name}`, () => {
    for (const [chapter, title] of Object.entries(RUNTIME_CHAPTERS)) {
      const own = tests.filter((t) => t.chapter === chapter && (!grep || grep.test(t.id)));
      if (own.length === 0) continue;
      api.describe(title, () => {
        for (const test of own) {
          api.it(
            `${test.id} [${test.requirements.join(', ')}] ${test.description}`,
            async (context) => {
              const raw = await runTest(test, {
                adapter,
                supports,
                seed: testSeed(seed, test.id),
                numRuns: options.numRuns ?? 50,
                timeoutMs,
                stopGraceMs: 500,
              });
              const expectation = expectations.get(test.id);
              const judged = applyExpectation(raw.outcome, expectation);
              if (judged.unexpected) {
                throw new Error(
                  `${judged.status}: ${judged.status === 'unexpected-pass' ? `listed as expected ${expectation?.kind} but passed; remove the entry` : (raw.message ?? '')}`,
                );
              }
              if (judged.status !== 'passed')
                context.skip(`${judged.status}: ${expectation?.reason ?? raw.message ?? ''}`);
            },
            timeoutMs + 2000,
          );
        }
      });
    }
  });
}
