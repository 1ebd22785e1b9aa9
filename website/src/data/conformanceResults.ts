/**
 * The conformance results the site shows: a compact summary of the committed reports
 * (conformance/results/<adapter>/report.json), built at build time by src/plugins/openstageData.ts
 * and imported by the results page as `@openstage-data/conformance-results.json`. Shared by the
 * build (Node) and the page (browser): types and pure functions only.
 */

import type { Status } from '@openstage/conformance';

/** A test's status in one report, as the suite's report.json spells it. */
export type TestStatus = Status;

/** One implementation's report, without the per-test results. */
export interface ImplementationRun {
  /** The adapter name, which is also the folder under conformance/results. */
  adapter: string;
  implementation: string;
  version: string;
  suiteVersion: string;
  specVersion: string;
  certification: boolean;
  conforms: boolean;
  blockers: string[];
  finishedAt: string;
  counts: Record<TestStatus, number>;
  total: number;
}

/** One test's outcome in one report. */
export interface TestOutcome {
  status: TestStatus;
  /** The expectations file's reason, for an expected failure. */
  reason?: string;
  /** Why it failed, errored, timed out or was skipped. */
  message?: string;
}

/** One conformance test, with its outcome in every report that ran it. */
export interface TestEntry {
  id: string;
  chapter: string;
  requirements: string[];
  level: string;
  description: string;
  outcomes: Record<string, TestOutcome>;
}

export interface ConformanceResults {
  implementations: ImplementationRun[];
  tests: TestEntry[];
}

/** The subset of report.json (schemas/report.schema.json) read here. */
interface ReportLike {
  format?: unknown;
  suite: { version: string };
  specVersion: string;
  implementation: { adapter: string; name: string; version: string };
  run: { finishedAt: string; certification: boolean };
  summary: {
    total: number;
    counts: Record<TestStatus, number>;
    conforms: boolean;
    blockers: string[];
  };
  results: Array<{
    id: string;
    chapter: string;
    requirements: string[];
    level: string;
    description: string;
    status: TestStatus;
    message?: string;
    expectation?: { reason: string };
  }>;
}

/** The reference implementation first, then the others by name. */
export function compareAdapters(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'reference') return -1;
  if (b === 'reference') return 1;
  return a.localeCompare(b);
}

/**
 * Merges reports into one list of tests (in the order the first report lists them) with the
 * outcome of each implementation. `source` names each report in error messages.
 */
export function summariseReports(
  reports: ReadonlyArray<{ source: string; report: unknown }>,
): ConformanceResults {
  const implementations: ImplementationRun[] = [];
  const tests = new Map<string, TestEntry>();
  const sorted = [...reports].sort((a, b) =>
    compareAdapters(
      (a.report as ReportLike).implementation?.adapter ?? '',
      (b.report as ReportLike).implementation?.adapter ?? '',
    ),
  );
  for (const { source, report: raw } of sorted) {
    const report = raw as ReportLike;
    if (report?.format !== 'openstage.conformance-report' || !Array.isArray(report.results)) {
      throw new Error(
        `${source} is not a conformance report (format 'openstage.conformance-report'); regenerate it with npm run conformance:results`,
      );
    }
    const adapter = report.implementation.adapter;
    implementations.push({
      adapter,
      implementation: report.implementation.name,
      version: report.implementation.version,
      suiteVersion: report.suite.version,
      specVersion: report.specVersion,
      certification: report.run.certification,
      conforms: report.summary.conforms,
      blockers: report.summary.blockers,
      finishedAt: report.run.finishedAt,
      counts: report.summary.counts,
      total: report.summary.total,
    });
    for (const result of report.results) {
      let entry = tests.get(result.id);
      if (!entry) {
        entry = {
          id: result.id,
          chapter: result.chapter,
          requirements: result.requirements,
          level: result.level,
          description: result.description,
          outcomes: {},
        };
        tests.set(result.id, entry);
      }
      entry.outcomes[adapter] = {
        status: result.status,
        ...(result.expectation ? { reason: result.expectation.reason } : {}),
        ...(result.message ? { message: result.message } : {}),
      };
    }
  }
  return { implementations, tests: [...tests.values()] };
}

/** A requirement's verdict for one implementation, from the tests of the suite that check it. */
export type RequirementVerdict =
  'passed' | 'failed' | 'expected-failure' | 'not-supported' | 'untested';

export const VERDICTS: readonly RequirementVerdict[] = [
  'passed',
  'failed',
  'expected-failure',
  'not-supported',
  'untested',
];

export const VERDICT_LABELS: Record<RequirementVerdict, string> = {
  passed: 'passed',
  failed: 'failed',
  'expected-failure': 'expected failure',
  'not-supported': 'not supported',
  untested: 'untested',
};

/**
 * Folds the outcomes of the tests that check one requirement into one verdict for one
 * implementation. The worst outcome wins: any unexpected outcome (failed, error, timeout,
 * unexpected pass) is `failed`; then an expected failure; then a pass. Tests that did not run
 * (not supported, skipped) leave the requirement `not-supported`; no test at all is `untested`.
 */
export function verdictFor(outcomes: ReadonlyArray<TestOutcome | undefined>): RequirementVerdict {
  const ran = outcomes.filter((o): o is TestOutcome => o !== undefined);
  if (ran.length === 0) return 'untested';
  const has = (...statuses: TestStatus[]) => ran.some((o) => statuses.includes(o.status));
  if (has('failed', 'error', 'timeout', 'unexpected-pass')) return 'failed';
  if (has('expected-failure')) return 'expected-failure';
  if (has('passed')) return 'passed';
  return 'not-supported';
}

/** Requirement id -> the suite's tests that list it, in report order. */
export function testsByRequirement(results: ConformanceResults): Map<string, TestEntry[]> {
  const map = new Map<string, TestEntry[]>();
  for (const test of results.tests) {
    for (const id of test.requirements) {
      const list = map.get(id);
      if (list) list.push(test);
      else map.set(id, [test]);
    }
  }
  return map;
}
