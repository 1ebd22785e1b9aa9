/**
 * The committed conformance reports (conformance/results/<adapter>/report.json) against the
 * suite as it is now, and the functions that turn them into the results matrix.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// The suite's source, not its build: a test added a minute ago counts.
import { conformanceTests } from '../../conformance/src/suites/index.js';
import {
  summariseReports,
  testsByRequirement,
  verdictFor,
  type TestStatus,
} from '../src/data/conformanceResults.js';
import { readTraceability } from '../src/data/traceability.js';
import { loadConformanceResults } from '../src/plugins/openstageData.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(repoRoot, 'conformance/results');
/** The implementations the results page promises. */
const ADAPTERS = ['reference', 'backstage'];
const REGENERATE = 'regenerate them with `npm run conformance:results`';

describe('committed conformance reports', () => {
  for (const adapter of ADAPTERS) {
    it(`${adapter}: lists exactly the suite's current tests, with their requirements`, () => {
      const file = path.join(resultsDir, adapter, 'report.json');
      expect(existsSync(file), `${file} is missing: ${REGENERATE}`).toBe(true);
      const report = JSON.parse(readFileSync(file, 'utf8')) as {
        run: { grep?: string };
        results: { id: string; requirements: string[] }[];
      };
      expect(report.run.grep, `${file} is a partial run (--grep): ${REGENERATE}`).toBeUndefined();
      const committed = new Map(report.results.map((r) => [r.id, r.requirements]));
      const current = new Map(conformanceTests.map((t) => [t.id, [...t.requirements]]));
      const added = [...current.keys()].filter((id) => !committed.has(id));
      const removed = [...committed.keys()].filter((id) => !current.has(id));
      const changed = [...current].filter(
        ([id, requirements]) =>
          committed.has(id) && committed.get(id)?.join(',') !== requirements.join(','),
      );
      expect(
        { added, removed, changed: changed.map(([id]) => id) },
        `${path.relative(repoRoot, file)} is stale: ${REGENERATE}`,
      ).toEqual({ added: [], removed: [], changed: [] });
    });
  }
});

function report(adapter: string, results: Array<[string, string[], TestStatus, string?]>) {
  return {
    source: `${adapter}/report.json`,
    report: {
      format: 'openstage.conformance-report',
      suite: { version: '1.0.0' },
      specVersion: '1.0.0',
      implementation: { adapter, name: `@acme/${adapter}`, version: '2.0.0' },
      run: { finishedAt: '2026-01-01T00:00:00Z', certification: true },
      summary: { total: results.length, counts: {}, conforms: false, blockers: [] },
      results: results.map(([id, requirements, status, reason]) => ({
        id,
        chapter: id.split('/')[0],
        requirements,
        level: 'MUST',
        description: id,
        status,
        ...(reason ? { expectation: { kind: 'fail', reason } } : {}),
      })),
    },
  };
}

describe('summariseReports and verdictFor', () => {
  const results = summariseReports([
    report('other', [
      ['a/one', ['X-001'], 'expected-failure', 'throws without a code'],
      ['a/two', ['X-001', 'X-002'], 'not-supported'],
    ]),
    report('reference', [
      ['a/one', ['X-001'], 'passed'],
      ['a/two', ['X-001', 'X-002'], 'failed'],
    ]),
  ]);

  it('puts the reference implementation first and merges outcomes per test', () => {
    expect(results.implementations.map((i) => i.adapter)).toEqual(['reference', 'other']);
    expect(results.tests.find((t) => t.id === 'a/one')?.outcomes).toEqual({
      reference: { status: 'passed' },
      other: { status: 'expected-failure', reason: 'throws without a code' },
    });
  });

  it('folds a requirement to its worst outcome, keeping the five verdicts apart', () => {
    const byRequirement = testsByRequirement(results);
    const verdict = (id: string, adapter: string) =>
      verdictFor((byRequirement.get(id) ?? []).map((t) => t.outcomes[adapter]));
    expect(verdict('X-001', 'reference')).toBe('failed');
    expect(verdict('X-001', 'other')).toBe('expected-failure');
    expect(verdict('X-002', 'other')).toBe('not-supported');
    expect(verdict('X-003', 'reference')).toBe('untested');
    expect(verdictFor([{ status: 'passed' }, { status: 'skipped' }])).toBe('passed');
    expect(verdictFor([{ status: 'unexpected-pass' }])).toBe('failed');
    expect(verdictFor([{ status: 'timeout' }, { status: 'expected-failure' }])).toBe('failed');
  });

  it('refuses a file that is not a report, naming it', () => {
    expect(() => summariseReports([{ source: 'x/report.json', report: { results: [] } }])).toThrow(
      /x\/report\.json is not a conformance report/,
    );
  });

  it('reads the committed reports of both implementations', () => {
    const committed = loadConformanceResults(resultsDir);
    expect(committed.implementations.map((i) => i.adapter)).toEqual(ADAPTERS);
    expect(committed.tests.length).toBe(conformanceTests.length);
  });
});

describe('readTraceability', () => {
  it('reads the agreed shape and drops what does not fit it', () => {
    const data = readTraceability({
      requirements: {
        'X-001': {
          keyword: 'MUST',
          chapter: 'x',
          tests: [{ id: 'a/one', suite: 'conformance' }, { id: 7 }, 'loose'],
          untestable: null,
        },
        'X-002': { keyword: 'MUST', chapter: 'x', tests: [], untestable: 'a package declaration' },
        'X-003': 'nonsense',
      },
      chapters: [{ chapter: 'x', area: 'X', must: 2, covered: 1 }, { nope: true }],
    });
    expect(data.requirements['X-001']?.tests).toEqual([{ id: 'a/one', suite: 'conformance' }]);
    expect(data.requirements['X-002']?.untestable).toBe('a package declaration');
    expect(data.requirements['X-003']).toBeUndefined();
    expect(data.chapters).toEqual([
      {
        chapter: 'x',
        area: 'X',
        must: 2,
        covered: 1,
        coveredByConformance: 0,
        untestable: 0,
        uncovered: 0,
      },
    ]);
    expect(readTraceability(null)).toEqual({ requirements: {}, chapters: [] });
  });
});
