import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import backstage from '../adapters/backstage/index.js';
import reference from '../adapters/reference/index.js';
import { loadExpectations } from '../src/harness/expectations.js';
import type { ConformanceReport } from '../src/harness/generated/ConformanceReport.js';
import { runConformance } from '../src/harness/runConformance.js';
import { wiringFixtureFiles } from '../src/suites/runtime/wiring.js';
import { conformanceTests, runtimeTests } from '../src/suites/index.js';
import { errorsText, schemaValidator } from './schemas.js';

const expectationsPath = (name: string) =>
  new URL(`../expectations/${name}.json`, import.meta.url).pathname;
const CYCLE = 'services/cycle-among-added-factories';
const validateReport = schemaValidator('report.schema.json');

describe('the suite against the built-in adapters', () => {
  let referenceReport: ConformanceReport;
  let backstageReport: ConformanceReport;

  it('reference: every test passes with an empty expectations file', async () => {
    const expectations = loadExpectations(expectationsPath('reference'));
    expect(expectations.size).toBe(0);
    referenceReport = await runConformance({
      adapter: reference,
      tests: runtimeTests,
      expectations,
    });
    const notPassed = referenceReport.results.filter(
      (r) => r.status !== 'passed' && r.status !== 'not-supported',
    );
    expect(notPassed.map((r) => `${r.id}: ${r.message}`)).toEqual([]);
    expect(referenceReport.summary.unexpected).toBe(0);
    expect(referenceReport.summary.conforms).toBe(true);
    expect(validateReport(referenceReport), errorsText(validateReport)).toBe(true);
  }, 60_000);

  it('backstage: every outcome matches expectations/backstage.json, each entry with a reason', async () => {
    const expectations = loadExpectations(expectationsPath('backstage'));
    backstageReport = await runConformance({
      adapter: backstage,
      // The expectations file covers the service chapters too.
      tests: conformanceTests,
      expectations,
    });
    expect(
      backstageReport.results
        .filter((r) => r.unexpected)
        .map((r) => `${r.status} ${r.id}: ${r.message}`),
    ).toEqual([]);
    expect(backstageReport.summary.counts['expected-failure']).toBe(expectations.size);
    for (const e of expectations.values()) expect(e.reason.startsWith('(new)')).toBe(false);
    expect(validateReport(backstageReport), errorsText(validateReport)).toBe(true);
    // A whole run is bounded: hangs become timeouts instead of stalling the suite.
    expect(backstageReport.run.durationMs).toBeLessThan(60_000);
  }, 90_000);

  it('the cycle among added factories times out on Backstage and passes on the reference', () => {
    const onBackstage = backstageReport.results.find((r) => r.id === CYCLE);
    expect(onBackstage).toMatchObject({
      status: 'expected-failure',
      outcome: 'timeout',
      unexpected: false,
    });
    expect(referenceReport.results.find((r) => r.id === CYCLE)?.status).toBe('passed');
  });

  it('records the seed and replay command of every property run', () => {
    const properties = referenceReport.properties;
    expect(properties.map((p) => p.testId).sort()).toEqual([
      'modules/generated-graphs',
      'services/acyclic-graphs-init-order',
      'startup/scheduled-module-order',
    ]);
    for (const p of properties) expect(p.replay).toContain(`--seed ${referenceReport.run.seed}`);
  });
});

describe('suite data', () => {
  it('every wiring fixture file validates against wiring-fixture.schema.json', () => {
    const validate = schemaValidator('wiring-fixture.schema.json');
    const dir = new URL('../src/suites/runtime/fixtures/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(wiringFixtureFiles).sort());
    for (const file of files) {
      const data = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as unknown;
      expect(validate(data), `${file}: ${errorsText(validate)}`).toBe(true);
    }
  });

  it('every expectations file validates against expectations.schema.json and names known tests', () => {
    const validate = schemaValidator('expectations.schema.json');
    const ids = new Set(conformanceTests.map((t) => t.id));
    for (const name of ['reference', 'backstage']) {
      const data = JSON.parse(readFileSync(expectationsPath(name), 'utf8')) as {
        tests: Record<string, { requirement: string }>;
      };
      expect(validate(data), `${name}: ${errorsText(validate)}`).toBe(true);
      for (const [id, entry] of Object.entries(data.tests)) {
        expect(ids.has(id), `${name}: unknown test ${id}`).toBe(true);
        expect(conformanceTests.find((t) => t.id === id)?.requirements).toContain(
          entry.requirement,
        );
      }
    }
  });

  it('src/ imports only the spec, fast-check, ts-morph, vitest and Node built-ins', () => {
    const allowed =
      /^(@openstage\/spec(\/.*)?|@openstage\/conformance\/package\.json|fast-check|ts-morph|vitest|node:.*|\..*)$/;
    const walk = (url: URL): string[] =>
      readdirSync(url, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory()
          ? walk(new URL(`${d.name}/`, url))
          : d.name.endsWith('.ts')
            ? [new URL(d.name, url).pathname]
            : [],
      );
    const offending: string[] = [];
    for (const file of walk(new URL('../src/', import.meta.url))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)'([^']+)'/g)) {
        if (!allowed.test(m[1]!)) offending.push(`${file}: ${m[1]}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
