import { arch, platform, version as nodeVersion } from 'node:process';
import { assertManifestUnchanged, checkSupportsManifest } from './checkSupportsManifest.js';
import { checkSpecVersion } from './checkSpecVersion.js';
import { checkTests, levelOf } from './checkTests.js';
import type { ConformanceAdapter } from './ConformanceAdapter.js';
import { RUNTIME_CHAPTERS, type ConformanceTest } from './ConformanceTest.js';
import { applyExpectation, type Expectations } from './expectations.js';
import type {
  ConformanceReport,
  Status,
  StatusCounts,
  TestResult,
} from './generated/ConformanceReport.js';
import { runTest, type RawResult } from './runTest.js';
import { CERTIFICATION_SEED, testSeed } from './seeds.js';
import { INTERPRETING_VERSION, SPEC_VERSION, SUITE_VERSION } from './version.js';

/** Receives progress while the suite runs (the terminal reporter is one). */
export interface ProgressListener {
  onStart?(info: { adapter: string; total: number; seed: number }): void;
  onResult?(result: TestResult, raw: RawResult): void;
  onEnd?(report: ConformanceReport): void;
}

export interface RunConformanceOptions {
  adapter: ConformanceAdapter;
  tests: readonly ConformanceTest[];
  /** Expected failures by test id; none when omitted. */
  expectations?: Expectations;
  /** Run seed; defaults to {@link CERTIFICATION_SEED}. */
  seed?: number;
  /** Only tests whose id matches run. */
  grep?: string;
  /** Per-test timeout; default 2000 ms. */
  timeoutMs?: number;
  /** fast-check runs per property; default 50. */
  numRuns?: number;
  /** How long cleanup waits for `stop()`; default 500 ms. */
  stopGraceMs?: number;
  listener?: ProgressListener;
  /** How to rerun one test, for the report's replay lines; `<id>` and `<seed>` are filled in. */
  replayCommand?: string;
}

/** The statuses in report order. */
export const STATUSES: readonly Status[] = [
  'passed',
  'failed',
  'error',
  'timeout',
  'not-supported',
  'expected-failure',
  'unexpected-pass',
  'skipped',
];

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as unknown as StatusCounts;
}

/**
 * Runs the selected tests one after another against the adapter, applies the expectations and
 * returns the report. Tests run sequentially so that process-wide state of one runtime (signal
 * listeners, unhandled-rejection handlers) never overlaps between tests.
 */
export async function runConformance(options: RunConformanceOptions): Promise<ConformanceReport> {
  const { adapter } = options;
  checkTests(options.tests);
  checkSpecVersion(adapter);
  const supports = checkSupportsManifest(adapter.supports, adapter.name);
  const seed = options.seed ?? CERTIFICATION_SEED;
  const timeoutMs = options.timeoutMs ?? 2000;
  const numRuns = options.numRuns ?? 50;
  const stopGraceMs = options.stopGraceMs ?? 500;
  const expectations = options.expectations ?? new Map();
  const grep = options.grep === undefined ? undefined : new RegExp(options.grep);
  const selected = options.tests.filter((t) => !grep || grep.test(t.id));
  const replay =
    options.replayCommand ??
    `openstage-conformance run --adapter ${adapter.name} --seed <seed> --grep '^<id>$'`;

  const startedAt = new Date();
  const begin = performance.now();
  options.listener?.onStart?.({ adapter: adapter.name, total: selected.length, seed });
  const results: TestResult[] = [];
  const properties: ConformanceReport['properties'] = [];
  for (const test of selected) {
    const raw = await runTest(test, {
      adapter,
      supports,
      seed: testSeed(seed, test.id),
      numRuns,
      timeoutMs,
      stopGraceMs,
    });
    const expectation = expectations.get(test.id);
    const judged = applyExpectation(raw.outcome, expectation);
    const result: TestResult = {
      id: test.id,
      chapter: test.chapter,
      requirements: [...test.requirements],
      level: levelOf(test),
      description: test.description,
      status: judged.status,
      ...(raw.outcome !== 'not-supported' && raw.outcome !== 'skipped'
        ? { outcome: raw.outcome }
        : {}),
      unexpected: judged.unexpected,
      durationMs: Math.round(raw.durationMs * 10) / 10,
      ...(judged.status === 'unexpected-pass'
        ? {
            message: `passed, but expectations/${adapter.name}.json expects ${expectation?.kind} (CLS_UNEXPECTED_PASS): remove the entry`,
          }
        : raw.message !== undefined
          ? { message: raw.message }
          : {}),
      ...(raw.error ? { error: raw.error } : {}),
      ...(expectation
        ? { expectation: { kind: expectation.kind, reason: expectation.reason } }
        : {}),
    };
    results.push(result);
    for (const property of raw.properties) {
      properties.push({
        testId: test.id,
        seed: property.seed,
        numRuns: property.numRuns,
        ...(property.path !== undefined ? { path: property.path } : {}),
        replay: replay
          .replace('<seed>', String(seed))
          .replace('<id>', test.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      });
    }
    options.listener?.onResult?.(result, raw);
  }
  assertManifestUnchanged(supports, adapter.supports, adapter.name);

  const counts = emptyCounts();
  for (const r of results) counts[r.status]++;
  const unexpected = results.filter((r) => r.unexpected).length;
  const certification = seed === CERTIFICATION_SEED && grep === undefined;
  const blockers: string[] = [];
  if (unexpected > 0) blockers.push(`${unexpected} unexpected outcome(s) (CLS-030)`);
  if (!certification)
    blockers.push('not a certification run: the seed was changed or tests were filtered');
  const mustExpected = results.filter((r) => r.status === 'expected-failure' && r.level === 'MUST');
  if (mustExpected.length > 0)
    blockers.push(
      `${mustExpected.length} must-strength test(s) expected to fail (CLS_MUST_EXPECTED_TO_FAIL)`,
    );

  const chapters = Object.entries(RUNTIME_CHAPTERS)
    .map(([chapter, title]) => {
      const own = results.filter((r) => r.chapter === chapter);
      const chapterCounts = emptyCounts();
      for (const r of own) chapterCounts[r.status]++;
      return { chapter, title, total: own.length, counts: chapterCounts };
    })
    .filter((c) => c.total > 0);

  const finishedAt = new Date();
  const report: ConformanceReport = {
    format: 'openstage.conformance-report',
    formatVersion: 1,
    suite: {
      name: '@openstage/conformance',
      version: SUITE_VERSION,
      interpretingVersion: INTERPRETING_VERSION,
    },
    specVersion: SPEC_VERSION,
    implementation: {
      adapter: adapter.name,
      name: adapter.implementation,
      version: adapter.version,
      classes: [...adapter.classes],
    },
    supports: supports as ConformanceReport['supports'],
    environment: {
      node: nodeVersion,
      platform,
      arch,
      engines: (adapter.engines ?? []).map(({ name, version }) => ({ name, version })),
    },
    run: {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: Math.round(performance.now() - begin),
      certification,
      seed,
      timeoutMs,
      numRuns,
      ...(options.grep !== undefined ? { grep: options.grep } : {}),
    },
    summary: {
      total: results.length,
      counts,
      unexpected,
      ok: unexpected === 0,
      conforms: blockers.length === 0,
      blockers,
    },
    chapters,
    results,
    properties,
  };
  options.listener?.onEnd?.(report);
  return report;
}
