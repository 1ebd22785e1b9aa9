import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { checkStaticConformance } from '../src/static/checkStaticConformance.js';
import { runStaticCommand } from '../src/static/runStaticCommand.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const fixtures = here('./fixtures/static/');
const project = `${fixtures}tsconfig.json`;
const implementations = `${fixtures}implementations.ts`;

/** Runs the CLI subcommand in-process and returns its exit code and output. */
function cli(args: string[]): { code: number; out: string } {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: runStaticCommand(args, here('../')), out };
  } finally {
    spy.mockRestore();
  }
}

describe('static check of exported types against spec interfaces', () => {
  it("passes the reference implementation's service classes against the spec interfaces", () => {
    const { code, out } = cli([
      '--project',
      '../reference-impl/tsconfig.json',
      '--mapping',
      'adapters/reference/static-mapping.json',
      '--json',
    ]);
    const report = JSON.parse(out) as {
      ok: boolean;
      results: Array<{ symbol: string; ok: boolean; problems: string[] }>;
    };
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
    expect(report.results.length).toBeGreaterThanOrEqual(15);
    expect(code).toBe(0);
  }, 60_000);

  it('fails a narrower callback parameter and a missing method, naming the member', () => {
    const report = checkStaticConformance({
      project,
      entry: implementations,
      symbols: {
        GoodLifecycle: 'LifecycleService',
        NarrowCallbackLifecycle: 'LifecycleService',
        CacheWithoutDelete: 'CacheService',
      },
    });
    const by = new Map(report.results.map((r) => [r.symbol, r]));
    expect(by.get('GoodLifecycle')).toMatchObject({ ok: true, problems: [] });
    const narrow = by.get('NarrowCallbackLifecycle')!;
    expect(narrow.ok).toBe(false);
    expect(narrow.problems.join('\n')).toMatch(/addStartupHook/);
    expect(narrow.problems.join('\n')).toMatch(/parameters 'hook' and 'hook' are incompatible/);
    const missing = by.get('CacheWithoutDelete')!;
    expect(missing.ok).toBe(false);
    expect(missing.problems.join('\n')).toMatch(/Property 'delete' is missing/);
    expect(report.ok).toBe(false);
  }, 60_000);

  it('fails a narrower callback even against a spec member declared in method syntax', () => {
    const report = checkStaticConformance({
      project,
      entry: implementations,
      spec: `${fixtures}methodSyntaxSpec.ts`,
      symbols: { narrowRegistry: 'MethodSyntaxRegistry' },
    });
    expect(report.results[0]!.ok).toBe(false);
    expect(report.results[0]!.problems.join('\n')).toMatch(
      /with members compared as function types: .*\n.*Types of property 'add' are incompatible/,
    );
  }, 60_000);

  it('reports unknown symbols and spec types per symbol, and exits 1 from the CLI', () => {
    const { code, out } = cli([
      '--project',
      project,
      '--entry',
      implementations,
      '--map',
      'NoSuchExport=CacheService',
      '--map',
      'GoodLifecycle=NoSuchSpecType',
    ]);
    expect(code).toBe(1);
    expect(out).toContain('FAIL  NoSuchExport -> CacheService');
    expect(out).toContain("has no export named 'NoSuchExport'");
    expect(out).toContain(
      "FAIL  GoodLifecycle -> NoSuchSpecType\n      '@openstage/spec' exports no type named 'NoSuchSpecType'",
    );
    expect(out).toContain('0 of 2 symbol(s) satisfy their spec types');
  }, 60_000);

  it('refuses bad arguments with a message saying what to pass', () => {
    expect(() => cli(['--map', 'A=B'])).toThrow(/static needs --project <tsconfig>/);
    expect(() => cli(['--project', project, '--map', 'AB'])).toThrow(
      /--map 'AB' must be <Symbol>=<SpecType>/,
    );
    expect(() => cli(['--project', project, '--entry', implementations])).toThrow(
      /the mapping is empty/,
    );
    expect(() => cli(['--project', 'nope/tsconfig.json', '--map', 'A=B'])).toThrow(
      /--project nope\/tsconfig.json does not exist/,
    );
  });
});
