import { describe, expect, it } from 'vitest';
import { checkSupportsManifest } from '../src/harness/checkSupportsManifest.js';
import { checkSpecVersion } from '../src/harness/checkSpecVersion.js';
import type { ConformanceAdapter } from '../src/harness/ConformanceAdapter.js';
import { parseExpectations } from '../src/harness/expectations.js';
import { checkAdapter } from '../src/harness/loadAdapter.js';
import { runConformance } from '../src/harness/runConformance.js';
import { SPEC_VERSION } from '../src/harness/version.js';
import { codedError, startupTest } from './helpers/startupTest.js';

/** How the fake backend's start() ends. */
type Start = { resolve: true } | { reject: unknown };

function adapter(start: Start = { resolve: true }, extra: Partial<ConformanceAdapter> = {}) {
  const base: ConformanceAdapter = {
    name: 'claims',
    implementation: 'claims-runtime',
    version: '1.2.3',
    classes: ['runtime'],
    supports: { postgres: false },
    createBackend: () => ({
      start: () => ('reject' in start ? Promise.reject(start.reject) : Promise.resolve({})),
      stop: () => Promise.resolve(),
    }),
  };
  return { ...base, ...extra };
}

const invalidAdapterMessage = (candidate: unknown): string => {
  try {
    checkAdapter(candidate, 'test-adapter');
  } catch (error) {
    expect(error).toMatchObject({ code: 'CONF_HARNESS_INVALID_ADAPTER' });
    return (error as Error).message;
  }
  throw new Error('expected checkAdapter to refuse the adapter');
};

describe('what a claim names (CLS-001, CLS-006, CLS-023, CLS-024)', () => {
  it('CLS-001: an adapter must name at least one class, each from runtime, service, feature, testkit', () => {
    const accepted = checkAdapter(
      adapter({ resolve: true }, { classes: ['runtime', 'testkit'] }),
      'ok',
    );
    expect(accepted.classes).toEqual(['runtime', 'testkit']);
    expect(invalidAdapterMessage(adapter({ resolve: true }, { classes: [] }))).toContain(
      'at least one',
    );
    expect(
      invalidAdapterMessage(
        adapter({ resolve: true }, { classes: ['runtime', 'server' as never] }),
      ),
    ).toContain('"server"');
  });

  it('CLS-001 CLS-023: the report names the implementation, its version and its classes', async () => {
    const report = await runConformance({
      adapter: adapter({ resolve: true }, { classes: ['runtime', 'service'] }),
      tests: [startupTest('named')],
    });
    expect(report.implementation).toMatchObject({
      name: 'claims-runtime',
      version: '1.2.3',
      classes: ['runtime', 'service'],
    });
    expect(invalidAdapterMessage({ ...adapter(), implementation: undefined })).toContain(
      '`implementation`',
    );
    expect(invalidAdapterMessage({ ...adapter(), version: 7 })).toContain('`version`');
  });

  it('CLS-006: every service under test names its profile, interface or default', () => {
    const factory = () => [];
    expect(
      checkAdapter(
        adapter({ resolve: true }, { services: { 'core.cache': { profile: 'default', factory } } }),
        'ok',
      ).services,
    ).toHaveProperty(['core.cache', 'profile'], 'default');
    const message = invalidAdapterMessage(
      adapter(
        { resolve: true },
        {
          services: {
            'core.cache': { factory } as never,
            'core.logger': { profile: 'full', factory } as never,
          },
        },
      ),
    );
    expect(message).toContain("services['core.cache'].profile");
    expect(message).toContain("services['core.logger'].profile");
  });

  it('CLS-024: the report names the targeted spec version as a full semantic version', async () => {
    const report = await runConformance({ adapter: adapter(), tests: [startupTest('versioned')] });
    expect(report.specVersion).toBe(SPEC_VERSION);
    expect(report.specVersion).toMatch(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/);
    expect(() => checkSpecVersion({ name: 'short', specVersion: '1.0' })).toThrow(
      expect.objectContaining({ code: 'CONF_HARNESS_INVALID_ADAPTER' }),
    );
  });
});

describe('the environment of the run (CLS-026)', () => {
  it('CLS-026: the report holds the supports manifest, Node.js, the OS and every engine used', async () => {
    const engines = [
      { name: 'postgres', version: '16.4' },
      { name: 'redis', version: '7.2.5' },
    ];
    const report = await runConformance({
      adapter: adapter(
        { resolve: true },
        { supports: { postgres: true, redisCache: {} }, engines },
      ),
      tests: [startupTest('env')],
    });
    expect(report.supports).toEqual({ postgres: true, redisCache: {} });
    expect(report.environment).toEqual({
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      engines,
    });
    const none = await runConformance({ adapter: adapter(), tests: [startupTest('no-engines')] });
    expect(none.environment.engines).toEqual([]);
    expect(
      invalidAdapterMessage(adapter({ resolve: true }, { engines: [{ name: 'mysql' }] as never })),
    ).toContain('`engines[0]`');
  });
});

describe('the supports manifest (CLS-016 to CLS-020)', () => {
  it('CLS-016: the manifest must be a JSON object', () => {
    for (const manifest of [undefined, null, ['postgres'], 'postgres']) {
      expect(() => checkSupportsManifest(manifest, 'm')).toThrow(
        expect.objectContaining({ code: 'CONF_HARNESS_INVALID_ADAPTER' }),
      );
    }
  });

  it('CLS-017: a key outside the closed capability list is CLS_UNKNOWN_CAPABILITY', () => {
    expect(() => checkSupportsManifest({ postgres: true, oracle: true }, 'm')).toThrow(
      expect.objectContaining({
        code: 'CLS_UNKNOWN_CAPABILITY',
        message: expect.stringContaining('oracle'),
      }),
    );
  });

  it('CLS-018: values must be true, false or an object', () => {
    expect(
      checkSupportsManifest({ postgres: true, mysql: false, https: { tls: '1.3' } }, 'm'),
    ).toEqual({ postgres: true, mysql: false, https: { tls: '1.3' } });
    for (const value of ['yes', 1, null, ['x']]) {
      expect(() => checkSupportsManifest({ postgres: value }, 'm')).toThrow(
        expect.objectContaining({ code: 'CONF_HARNESS_INVALID_ADAPTER' }),
      );
    }
  });

  it('CLS-019: a capability the manifest does not list is not declared: its tests are not-supported', async () => {
    const report = await runConformance({
      adapter: adapter({ resolve: true }, { supports: { postgres: true } }),
      tests: [
        startupTest('needs-mysql', { features: ['mysql'] }),
        startupTest('needs-postgres', { features: ['postgres'] }),
      ],
    });
    expect(report.results.map((r) => [r.id, r.status])).toEqual([
      ['startup/needs-mysql', 'not-supported'],
      ['startup/needs-postgres', 'passed'],
    ]);
    expect(report.supports).toEqual({ postgres: true });
  });

  it('CLS-020: a manifest changed during the run fails it with CLS_MANIFEST_CHANGED', async () => {
    const changing = adapter();
    const test = startupTest('mutates', {
      async run() {
        (changing.supports as Record<string, unknown>).mysql = true;
      },
    });
    await expect(runConformance({ adapter: changing, tests: [test] })).rejects.toMatchObject({
      code: 'CLS_MANIFEST_CHANGED',
    });
  });
});

describe('expectations and the verdict (CLS-028 to CLS-031)', () => {
  it('CLS-028: each expectations entry needs the requirement id, a kind and a reason', () => {
    const good = { requirement: 'INIT-001', kind: 'fail', reason: 'known bug #1' };
    expect(parseExpectations({ tests: { 'startup/x': good } }, 'e.json').get('startup/x')).toEqual(
      good,
    );
    const broken = [
      { kind: 'fail', reason: 'r' },
      { requirement: 'INIT-001', reason: 'r' },
      { requirement: 'INIT-001', kind: 'crash', reason: 'r' },
      { requirement: 'INIT-001', kind: 'fail', reason: '  ' },
      { requirement: 'init 1', kind: 'fail', reason: 'r' },
    ];
    for (const entry of broken) {
      expect(() => parseExpectations({ tests: { 'startup/x': entry } }, 'e.json')).toThrow(
        expect.objectContaining({ code: 'CLS_EXPECTATION_WITHOUT_REASON' }),
      );
    }
  });

  it('CLS-004: a should-strength test that fails without an expectations entry blocks the claim', async () => {
    const should = startupTest('should-fails', { requirements: ['PLUG-006'] });
    const unlisted = await runConformance({
      adapter: adapter({ reject: codedError('BACK_STARTUP_FAILED') }),
      tests: [should],
    });
    expect(unlisted.results[0]).toMatchObject({
      level: 'SHOULD',
      status: 'failed',
      unexpected: true,
    });
    expect(unlisted.summary.conforms).toBe(false);
    // An entry for it needs a reason.
    expect(() =>
      parseExpectations(
        { tests: { 'startup/should-fails': { requirement: 'PLUG-006', kind: 'fail' } } },
        'e.json',
      ),
    ).toThrow(expect.objectContaining({ code: 'CLS_EXPECTATION_WITHOUT_REASON' }));
    const listed = await runConformance({
      adapter: adapter({ reject: codedError('BACK_STARTUP_FAILED') }),
      tests: [should],
      expectations: parseExpectations(
        {
          tests: {
            'startup/should-fails': { requirement: 'PLUG-006', kind: 'fail', reason: 'by design' },
          },
        },
        'e.json',
      ),
    });
    expect(listed.results[0]?.status).toBe('expected-failure');
    expect(listed.summary.conforms).toBe(true);
  });

  it('CLS-029: an entry for a test that passes makes the run not ok', async () => {
    const report = await runConformance({
      adapter: adapter(),
      tests: [startupTest('passes')],
      expectations: parseExpectations(
        { tests: { 'startup/passes': { requirement: 'INIT-001', kind: 'fail', reason: 'old' } } },
        'e.json',
      ),
    });
    expect(report.results[0]?.status).toBe('unexpected-pass');
    expect(report.summary).toMatchObject({ ok: false, conforms: false });
  });

  it('CLS-030: a run with an outcome that the expectations do not predict cannot back a claim', async () => {
    const report = await runConformance({
      adapter: adapter({ reject: codedError('BACK_STARTUP_FAILED') }),
      tests: [startupTest('fails')],
    });
    expect(report.results[0]).toMatchObject({ status: 'failed', unexpected: true });
    expect(report.summary.conforms).toBe(false);
    expect(report.summary.blockers.join('\n')).toContain('CLS-030');

    const expected = await runConformance({
      adapter: adapter({ reject: codedError('BACK_STARTUP_FAILED') }),
      tests: [startupTest('fails', { requirements: ['PLUG-006'] })],
      expectations: parseExpectations(
        { tests: { 'startup/fails': { requirement: 'PLUG-006', kind: 'fail', reason: 'known' } } },
        'e.json',
      ),
    });
    expect(expected.summary).toMatchObject({ ok: true, conforms: true, blockers: [] });
  });

  it('CLS-031: an expected failure of a must-strength test blocks the claim', async () => {
    const report = await runConformance({
      adapter: adapter({ reject: codedError('BACK_STARTUP_FAILED') }),
      tests: [startupTest('must-fails')],
      expectations: parseExpectations(
        { tests: { 'startup/must-fails': { requirement: 'INIT-001', kind: 'fail', reason: 'x' } } },
        'e.json',
      ),
    });
    expect(report.results[0]?.status).toBe('expected-failure');
    expect(report.summary.ok).toBe(true);
    expect(report.summary.conforms).toBe(false);
    expect(report.summary.blockers.join('\n')).toContain('CLS_MUST_EXPECTED_TO_FAIL');
  });
});

describe('how errors are judged (CLS-034 to CLS-036)', () => {
  const negative = { phase: 'startup', code: 'BACK_STARTUP_FAILED' } as const;
  const judge = async (thrown: unknown) =>
    (
      await runConformance({
        adapter: adapter({ reject: thrown }),
        tests: [startupTest('negative', { negative })],
      })
    ).results[0]!;

  it('CLS-034: an error without the code as a string property fails the negative test', async () => {
    expect((await judge(codedError('BACK_STARTUP_FAILED'))).status).toBe('passed');
    const uncoded = await judge(new Error('BACK_STARTUP_FAILED'));
    expect(uncoded.status).toBe('failed');
    expect(uncoded.message).toContain('code (none)');
  });

  it('CLS-035: a coded value that is not an Error instance fails the negative test', async () => {
    const plain = await judge({ code: 'BACK_STARTUP_FAILED', message: 'plain object' });
    expect(plain.status).toBe('failed');
    expect(plain.message).toContain('CLS-035');
  });

  it("CLS-036: an error carrying another condition's code fails the negative test", async () => {
    const wrong = await judge(codedError('INIT_PREFLIGHT_FAILED'));
    expect(wrong.status).toBe('failed');
    expect(wrong.message).toContain('code INIT_PREFLIGHT_FAILED, expected BACK_STARTUP_FAILED');
  });
});
