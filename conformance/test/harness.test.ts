import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok } from '../src/harness/assert.js';
import { checkSupportsManifest } from '../src/harness/checkSupportsManifest.js';
import type { ConformanceAdapter } from '../src/harness/ConformanceAdapter.js';
import { defineTest } from '../src/harness/ConformanceTest.js';
import {
  applyExpectation,
  formatExpectations,
  parseExpectations,
  updateExpectations,
} from '../src/harness/expectations.js';
import { junitReport } from '../src/harness/reporters/junitReport.js';
import { markdownReport } from '../src/harness/reporters/markdownReport.js';
import { formatSummary } from '../src/harness/reporters/terminalReporter.js';
import { writeReports } from '../src/harness/reporters/writeReports.js';
import { runConformance } from '../src/harness/runConformance.js';
import { testSeed } from '../src/harness/seeds.js';
import { errorsText, schemaValidator } from './schemas.js';
import { codedError, startupTest } from './helpers/startupTest.js';

/** A deliberately tiny adapter whose backend's start() does what `behaviour` says. */
function fakeAdapter(behaviour: 'ok' | 'hang' | 'reject', supports = {}): ConformanceAdapter {
  return {
    name: 'fake',
    implementation: 'fake-runtime',
    version: '0.0.0',
    classes: ['runtime'],
    supports,
    createBackend: () => ({
      add: () => undefined,
      start: () =>
        behaviour === 'hang'
          ? new Promise(() => undefined)
          : behaviour === 'reject'
            ? Promise.reject(codedError('BACK_STARTUP_FAILED'))
            : Promise.resolve({}),
      stop: () => (behaviour === 'hang' ? new Promise(() => undefined) : Promise.resolve()),
    }),
  };
}

describe('applyExpectation', () => {
  it.each([
    ['pass', undefined, 'passed', false],
    ['pass', 'fail', 'unexpected-pass', true],
    ['fail', undefined, 'failed', true],
    ['fail', 'fail', 'expected-failure', false],
    ['timeout', 'timeout', 'expected-failure', false],
    ['timeout', 'fail', 'timeout', true],
    ['error', 'fail', 'error', true],
    ['not-supported', 'fail', 'not-supported', false],
    ['skipped', undefined, 'skipped', false],
  ] as const)(
    '%s with expectation %s is %s (unexpected: %s)',
    (outcome, kind, status, unexpected) => {
      const expectation = kind ? { requirement: 'INIT-001', kind, reason: 'because' } : undefined;
      expect(applyExpectation(outcome, expectation)).toEqual({ status, unexpected });
    },
  );
});

describe('expectations files', () => {
  it('rejects an entry without a reason with CLS_EXPECTATION_WITHOUT_REASON', () => {
    expect(() =>
      parseExpectations(
        { tests: { 'startup/x': { requirement: 'INIT-001', kind: 'fail', reason: ' ' } } },
        'e.json',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'CLS_EXPECTATION_WITHOUT_REASON',
        message: expect.stringContaining("'startup/x'"),
      }),
    );
    expect(() =>
      parseExpectations(
        { tests: { 'startup/x': { requirement: 'INIT-001', kind: 'crash', reason: 'r' } } },
        'e.json',
      ),
    ).toThrow(expect.objectContaining({ code: 'CLS_EXPECTATION_WITHOUT_REASON' }));
  });

  it('--update-expectations drops passes, records new failures, keeps reasons and tests that did not run', () => {
    const current = parseExpectations(
      {
        tests: {
          'startup/fixed': { requirement: 'INIT-001', kind: 'fail', reason: 'old bug' },
          'startup/still': { requirement: 'INIT-002', kind: 'fail', reason: 'known' },
          'startup/not-run': { requirement: 'INIT-003', kind: 'error', reason: 'kept' },
        },
      },
      'e.json',
    );
    const next = updateExpectations(current, [
      { id: 'startup/fixed', outcome: 'pass', requirements: ['INIT-001'] },
      { id: 'startup/still', outcome: 'timeout', requirements: ['INIT-002'] },
      {
        id: 'startup/new',
        outcome: 'fail',
        requirements: ['INIT-005'],
        message: 'expected X\nmore',
      },
    ]);
    expect(Object.fromEntries(next)).toEqual({
      'startup/still': { requirement: 'INIT-002', kind: 'timeout', reason: 'known' },
      'startup/not-run': { requirement: 'INIT-003', kind: 'error', reason: 'kept' },
      'startup/new': { requirement: 'INIT-005', kind: 'fail', reason: '(new) expected X' },
    });
    const text = formatExpectations('fake', next);
    expect(Object.keys((JSON.parse(text) as { tests: object }).tests)).toEqual([
      'startup/new',
      'startup/not-run',
      'startup/still',
    ]);
    expect(schemaValidator('expectations.schema.json')(JSON.parse(text))).toBe(true);
  });
});

describe('supports manifest', () => {
  it('rejects a capability outside the closed list with CLS_UNKNOWN_CAPABILITY', () => {
    expect(() => checkSupportsManifest({ teleport: true }, 'fake')).toThrow(
      expect.objectContaining({
        code: 'CLS_UNKNOWN_CAPABILITY',
        message: expect.stringContaining('teleport'),
      }),
    );
    expect(() => checkSupportsManifest({ postgres: 'yes' }, 'fake')).toThrow(
      expect.objectContaining({ code: 'CONF_HARNESS_INVALID_ADAPTER' }),
    );
    expect(checkSupportsManifest({ postgres: { versions: [16] }, mysql: false }, 'fake')).toEqual({
      postgres: { versions: [16] },
      mysql: false,
    });
  });

  it('fails the run with CLS_MANIFEST_CHANGED when the manifest changes during it', async () => {
    const adapter = fakeAdapter('ok', { signals: true });
    const test = defineTest({
      ...startupTest('mutates'),
      async run() {
        adapter.supports = { signals: false };
      },
    });
    await expect(runConformance({ adapter, tests: [test] })).rejects.toMatchObject({
      code: 'CLS_MANIFEST_CHANGED',
    });
  });
});

describe('runConformance', () => {
  it('turns a hanging start() into a timeout without hanging itself', async () => {
    const report = await runConformance({
      adapter: fakeAdapter('hang'),
      tests: [startupTest('hangs')],
      timeoutMs: 50,
      stopGraceMs: 10,
    });
    expect(report.results[0]).toMatchObject({
      status: 'timeout',
      outcome: 'timeout',
      unexpected: true,
    });
    expect(report.summary.ok).toBe(false);
  });

  it('stops every backend of a timed-out test: its abandoned body creates no more', async () => {
    let created = 0;
    let stopped = 0;
    const adapter: ConformanceAdapter = {
      ...fakeAdapter('ok'),
      createBackend: () => {
        created++;
        return { start: () => Promise.resolve({}), stop: async () => void stopped++ };
      },
    };
    const looping = defineTest({
      id: 'startup/keeps-creating',
      chapter: 'startup',
      requirements: ['INIT-001'],
      description: 'creates a backend every 10 ms, far past its timeout',
      async run(ctx) {
        for (let i = 0; i < 20; i++) {
          ctx.createBackend();
          await new Promise((r) => setTimeout(r, 10));
        }
      },
    });
    const report = await runConformance({
      adapter,
      tests: [looping],
      timeoutMs: 30,
      stopGraceMs: 10,
    });
    expect(report.results[0]).toMatchObject({ status: 'timeout' });
    await new Promise((r) => setTimeout(r, 250));
    expect(created).toBeLessThan(20);
    expect(stopped).toBe(created);
  });

  it('reports an unexpected pass, which fails the run', async () => {
    const expectations = parseExpectations(
      {
        tests: {
          'startup/passes': { requirement: 'INIT-001', kind: 'fail', reason: 'was broken' },
        },
      },
      'e.json',
    );
    const report = await runConformance({
      adapter: fakeAdapter('ok'),
      tests: [startupTest('passes')],
      expectations,
    });
    expect(report.results[0]).toMatchObject({
      status: 'unexpected-pass',
      unexpected: true,
      message: expect.stringContaining('CLS_UNEXPECTED_PASS'),
    });
    expect(report.summary).toMatchObject({ ok: false, unexpected: 1 });
  });

  it('judges negative tests by code and phase, and assertion failures are never the expected error', async () => {
    const tests = [
      startupTest('right-code', { negative: { phase: 'startup', code: 'BACK_STARTUP_FAILED' } }),
      startupTest('wrong-code', { negative: { phase: 'startup', code: 'INIT_PREFLIGHT_FAILED' } }),
      startupTest('wrong-phase', { negative: { phase: 'creation', code: 'BACK_STARTUP_FAILED' } }),
      defineTest({
        ...startupTest('asserts'),
        negative: { phase: 'startup', code: 'BACK_STARTUP_FAILED' },
        async run() {
          ok(false, 'broken');
        },
      }),
      startupTest('nothing-thrown', {
        negative: { phase: 'startup', code: 'BACK_STARTUP_FAILED' },
        async run() {},
      }),
    ];
    const report = await runConformance({ adapter: fakeAdapter('reject'), tests });
    expect(Object.fromEntries(report.results.map((r) => [r.id, r.status]))).toEqual({
      'startup/right-code': 'passed',
      'startup/wrong-code': 'failed',
      'startup/wrong-phase': 'failed',
      'startup/asserts': 'failed',
      'startup/nothing-thrown': 'failed',
    });
  });

  it('distinguishes not-supported, skipped and suite errors', async () => {
    const tests = [
      startupTest('needs-postgres', { features: ['postgres'] }),
      defineTest({
        ...startupTest('skips'),
        async run(ctx) {
          ctx.skip('no engine here');
        },
      }),
      defineTest({
        ...startupTest('suite-bug'),
        async run() {
          throw new TypeError('oops');
        },
      }),
    ];
    const report = await runConformance({ adapter: fakeAdapter('ok'), tests });
    expect(report.results.map((r) => [r.status, r.unexpected])).toEqual([
      ['not-supported', false],
      ['skipped', false],
      ['error', true],
    ]);
    expect(report.results[1]?.message).toBe('no engine here');
  });

  it('lints test headers: unknown requirement ids are rejected', async () => {
    await expect(
      runConformance({
        adapter: fakeAdapter('ok'),
        tests: [startupTest('typo', { requirements: ['INIT-00l'] })],
      }),
    ).rejects.toMatchObject({ code: 'CONF_HARNESS_INVALID_TEST' });
  });

  it('derives per-test seeds from the run seed and the id', () => {
    expect(testSeed(1, 'startup/a')).toBe(testSeed(1, 'startup/a'));
    expect(testSeed(1, 'startup/a')).not.toBe(testSeed(2, 'startup/a'));
    expect(testSeed(1, 'startup/a')).not.toBe(testSeed(1, 'startup/b'));
  });
});

describe('reporters', () => {
  it('write report.json (valid against the schema), junit.xml and report.md', async () => {
    const expectations = parseExpectations(
      {
        tests: {
          'startup/known': { requirement: 'INIT-001', kind: 'fail', reason: 'tracked in #1' },
        },
      },
      'e.json',
    );
    const tests = [
      startupTest('fine'),
      defineTest({
        ...startupTest('known'),
        async run() {
          ok(false, 'x < y & "z"');
        },
      }),
      defineTest({
        ...startupTest('new-bug'),
        async run() {
          ok(false, 'broken');
        },
      }),
    ];
    const report = await runConformance({ adapter: fakeAdapter('ok'), tests, expectations });
    const validate = schemaValidator('report.schema.json');
    expect(validate(report), errorsText(validate)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'conformance-'));
    writeReports(report, dir);
    expect(readdirSync(dir).sort()).toEqual(['junit.xml', 'report.json', 'report.md']);
    expect(validate(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')))).toBe(true);
    const junit = junitReport(report);
    expect(junit).toContain('tests="3" failures="1" errors="0"');
    expect(junit).toContain('<skipped message="expected-failure: tracked in #1"/>');
    expect(junit).not.toContain('x < y');
    expect(markdownReport(report)).toContain(
      '| `startup/new-bug` | INIT-001 | MUST | **failed** | broken |',
    );
    expect(formatSummary(report)).toContain(
      'Startup order and failure policy  1 passed, 1 failed, 1 expected-failure',
    );
  });
});

describe('CLI', () => {
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', new URL('../src/cli.ts', import.meta.url).pathname, ...args],
      { encoding: 'utf8', timeout: 60_000 },
    );

  it('prints help and exits 0', () => {
    const result = cli('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('openstage-conformance run --adapter');
  });

  it('reports a bad adapter in one line and exits 2', () => {
    const result = cli('run', '--adapter', './no/such/adapter.js');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('CONF_HARNESS_ADAPTER_NOT_FOUND');
  });

  it('runs the reference adapter on a grep and exits 0', () => {
    const result = cli('run', '--adapter', 'reference', '--grep', '^shutdown/');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Shutdown\s+6 passed/);
    expect(
      execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          new URL('../src/cli.ts', import.meta.url).pathname,
          'list',
          '--grep',
          'cycle',
        ],
        { encoding: 'utf8' },
      ),
    ).toContain('services/cycle-among-added-factories');
  });

  it('treats --adapter without a command as run, and exits 2 on neither', () => {
    const result = cli('--adapter', 'reference', '--grep', '^shutdown/phase-order$');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Shutdown\s+1 passed/);
    expect(cli().status).toBe(2);
  });
});
