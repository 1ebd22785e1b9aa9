import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildTraceability,
  formatCoverage,
  uncoveredMusts,
  type RequirementsIndex,
} from '../scripts/traceability/buildTraceability.js';
import {
  TRACEABILITY_PATH,
  generateTraceability,
} from '../scripts/traceability/generateTraceability.js';
import { idsIn, testTitles } from '../scripts/traceability/referenceImplTests.js';
import { defineTest } from '../src/harness/ConformanceTest.js';
import { errorsText, schemaValidator } from './schemas.js';

const gate = JSON.parse(
  readFileSync(new URL('../traceability-gate.json', import.meta.url), 'utf8'),
) as { strictChapters: string[] };

describe('traceability: requirements to tests', () => {
  const { traceability, problems, text } = generateTraceability();

  it('prints MUST coverage per chapter, counted from both suites', () => {
    console.log(`\n${formatCoverage(traceability)}\n`);
    const gaps = [...uncoveredMusts(traceability)].filter(
      ([chapter]) =>
        !gate.strictChapters.includes(
          traceability.chapters.find((c) => c.chapter === chapter)!.area,
        ),
    );
    if (gaps.length > 0)
      console.log(
        `Chapters still short (not gated yet):\n${gaps.map(([c, ids]) => `  ${c}: ${ids.length} uncovered MUST (${ids.join(', ')})`).join('\n')}\n`,
      );
    expect(traceability.chapters.length).toBeGreaterThan(0);
  });

  it('every test names existing requirements, and untestable.json lists only untested MUSTs with reasons', () => {
    expect(problems.unknownIds).toEqual([]);
    expect(problems.testsWithoutRequirement).toEqual([]);
    expect(problems.badUntestable).toEqual([]);
  });

  it('the committed traceability.json is up to date and matches its schema', () => {
    const validate = schemaValidator('traceability.schema.json');
    expect(validate(traceability), errorsText(validate)).toBe(true);
    const committed = readFileSync(TRACEABILITY_PATH, 'utf8');
    if (committed !== text) {
      // Name what moved, so the failure says more than "stale".
      const old = JSON.parse(committed) as typeof traceability;
      const ids = new Set([
        ...Object.keys(old.requirements),
        ...Object.keys(traceability.requirements),
      ]);
      const changed = [...ids].filter(
        (id) =>
          JSON.stringify(old.requirements[id]) !== JSON.stringify(traceability.requirements[id]),
      );
      expect.fail(
        `conformance/traceability.json is stale (${changed.length} requirement entries differ, e.g. ${changed.slice(0, 8).join(', ') || 'none: chapters or header'}): run \`npm run traceability --workspace @openstage/conformance\``,
      );
    }
  });

  it('every gated chapter has each MUST covered or listed, and every complete chapter is gated', () => {
    const gaps = uncoveredMusts(traceability);
    const known = new Set(traceability.chapters.map((c) => c.area));
    expect(gate.strictChapters.filter((area) => !known.has(area))).toEqual([]);
    const lost = traceability.chapters
      .filter((c) => gate.strictChapters.includes(c.area) && c.uncovered > 0)
      .map((c) => `${c.area} (${c.chapter}): no test names ${gaps.get(c.chapter)!.join(', ')}`);
    expect(lost).toEqual([]);
    const ungated = traceability.chapters
      .filter((c) => c.must > 0 && c.uncovered === 0 && !gate.strictChapters.includes(c.area))
      .map(
        (c) =>
          `${c.area} (${c.chapter}) is fully covered: run npm run traceability, which gates it in traceability-gate.json`,
      );
    expect(ungated).toEqual([]);
  });
});

describe('traceability: the matrix builder', () => {
  const index: RequirementsIndex = {
    specVersion: '1.2.3',
    chapters: [{ id: 'startup', title: 'Startup', area: 'INIT' }],
    requirements: [
      { id: 'INIT-001', level: 'MUST', chapter: 'startup', status: 'active' },
      { id: 'INIT-002', level: 'MUST', chapter: 'startup', status: 'active' },
      { id: 'INIT-003', level: 'MUST', chapter: 'startup', status: 'active' },
      { id: 'INIT-004', level: 'SHOULD', chapter: 'startup', status: 'active' },
    ],
  };
  const test = (id: string, requirements: string[]) =>
    defineTest({ id, chapter: 'startup', requirements, description: 'd', run: async () => {} });

  it('counts coverage per suite, untestable entries, and the gap', () => {
    const { traceability, problems } = buildTraceability(
      index,
      [test('startup/a', ['INIT-001'])],
      [
        {
          suite: 'reference-impl',
          id: 'reference-impl/x.test.ts > INIT-002',
          file: 'x',
          title: 't',
          requirements: ['INIT-002'],
        },
      ],
      { requirements: {} },
    );
    expect(problems).toEqual({ unknownIds: [], testsWithoutRequirement: [], badUntestable: [] });
    expect(traceability.chapters).toEqual([
      {
        chapter: 'Startup',
        area: 'INIT',
        must: 3,
        covered: 2,
        coveredByConformance: 1,
        untestable: 0,
        uncovered: 1,
      },
    ]);
    expect(traceability.requirements['INIT-002']).toEqual({
      keyword: 'MUST',
      chapter: 'Startup',
      tests: [{ id: 'reference-impl/x.test.ts > INIT-002', suite: 'reference-impl' }],
      untestable: null,
    });
    expect([...uncoveredMusts(traceability)]).toEqual([['Startup', ['INIT-003']]]);
  });

  it('reports tests naming unknown ids, tests naming none, and wrong untestable entries', () => {
    const { problems } = buildTraceability(
      index,
      [test('startup/a', ['INIT-999']), test('startup/b', []), test('startup/c', ['INIT-001'])],
      [
        {
          suite: 'reference-impl',
          id: 'reference-impl/y.test.ts > INIT-998',
          file: 'y',
          title: 't',
          requirements: ['INIT-998', 'SHA-256'],
        },
      ],
      {
        requirements: {
          'INIT-004': 'a SHOULD requirement, which does not belong in the list at all',
          'INIT-001': 'tested anyway by a conformance test, so not untestable',
          'INIT-003': 'short',
        },
      },
    );
    expect(problems.unknownIds).toEqual([
      "conformance test 'startup/a' names INIT-999, which is not in spec/requirements.json",
      'reference-impl/y.test.ts > INIT-998: names INIT-998, which is not in spec/requirements.json',
    ]);
    expect(problems.testsWithoutRequirement).toEqual([
      "conformance test 'startup/b' names no requirement",
    ]);
    expect(problems.badUntestable).toEqual([
      'conformance/untestable.json: INIT-004 is SHOULD, only MUST requirements are listed',
      'conformance/untestable.json: INIT-001 is tested by startup/c; remove it from the list',
      'conformance/untestable.json: INIT-003 needs a reason (a sentence) why no test can check it',
    ]);
  });

  it('reads requirement ids from test titles, ranges included', () => {
    expect(
      testTitles("it('INIT-004, INIT-005: x', () => {}); test.skipIf(a)(`BACK-001 y`, f)"),
    ).toEqual(['INIT-004, INIT-005: x', 'BACK-001 y']);
    expect(idsIn('BACK-080..BACK-082 and SVC-001')).toEqual([
      'BACK-080',
      'BACK-081',
      'BACK-082',
      'SVC-001',
    ]);
    expect(idsIn('TEST-101 to TEST-103: x')).toEqual(['TEST-101', 'TEST-102', 'TEST-103']);
    // A status code after "to" is not the end of a range.
    expect(idsIn('maps CACHE-010 to 503')).toEqual(['CACHE-010']);
  });
});
