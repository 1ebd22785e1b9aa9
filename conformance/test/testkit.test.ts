import { describe, expect, it } from 'vitest';
import reference from '../adapters/reference/index.js';
import testkit from '../adapters/testkit/index.js';
import { checkTests } from '../src/harness/checkTests.js';
import { defineTest } from '../src/harness/ConformanceTest.js';
import { runConformance } from '../src/harness/runConformance.js';
import { runtimeTests } from '../src/suites/index.js';

const exempted = runtimeTests.filter((t) => t.testkitExemption !== undefined);

describe('a test kit judged by the runtime suite (CLS-014)', () => {
  it('CLS-014: the reference test kit passes the runtime suite, except where the Test utilities chapter specifies otherwise', async () => {
    const report = await runConformance({ adapter: testkit, tests: runtimeTests });
    const notPassed = report.results.filter((r) => r.status !== 'passed');
    // Only exempted tests and tests of undeclared capabilities do not run; none fails.
    expect(notPassed.filter((r) => r.status !== 'not-supported')).toEqual([]);
    const exemptIds = new Set(exempted.map((t) => t.id));
    for (const result of notPassed) {
      if (exemptIds.has(result.id))
        expect(result.message).toMatch(/^not applicable to a test kit \(CLS-014\): TEST-\d{3} /);
      else expect(result.message).toMatch(/^capability not declared/);
    }
    expect(notPassed.filter((r) => exemptIds.has(r.id))).toHaveLength(exempted.length);
    expect(report.results.filter((r) => r.status === 'passed').length).toBeGreaterThan(100);
  });

  it('CLS-014: every exemption is needed: judged as a runtime, the kit fails each exempted test', async () => {
    expect(exempted.length).toBeGreaterThan(0);
    const report = await runConformance({
      adapter: { ...testkit, classes: ['runtime', 'testkit'] },
      tests: exempted,
    });
    expect(report.results.filter((r) => r.status !== 'failed').map((r) => r.id)).toEqual([]);
  });

  it('CLS-014: an exemption never spares a runtime; the reference runtime runs and passes those tests', async () => {
    const report = await runConformance({ adapter: reference, tests: exempted });
    expect(report.results.filter((r) => r.status !== 'passed').map((r) => r.id)).toEqual([]);
  });

  it('an exemption must name an active TEST requirement and give a reason', () => {
    const base = {
      id: 'startup/exempted',
      chapter: 'startup' as const,
      requirements: ['INIT-001'],
      description: 'x',
      run: async () => undefined,
    };
    expect(() =>
      checkTests([
        defineTest({
          ...base,
          testkitExemption: { requirement: 'BACK-033', reason: 'a reason long enough to pass' },
        }),
      ]),
    ).toThrow(/active TEST requirement.*'BACK-033'/);
    expect(() =>
      checkTests([
        defineTest({ ...base, testkitExemption: { requirement: 'TEST-041', reason: '' } }),
      ]),
    ).toThrow(/needs a reason/);
    expect(() =>
      checkTests([
        defineTest({
          ...base,
          testkitExemption: { requirement: 'TEST-041', reason: 'installs a plugin for orphans' },
        }),
      ]),
    ).not.toThrow();
  });
});
