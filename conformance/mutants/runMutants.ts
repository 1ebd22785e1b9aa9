import type { ConformanceAdapter } from '../src/harness/ConformanceAdapter.js';
import type { ConformanceTest } from '../src/harness/ConformanceTest.js';
import type { TestResult } from '../src/harness/generated/ConformanceReport.js';
import { runConformance } from '../src/harness/runConformance.js';
import { requirementIndex } from '../src/harness/version.js';
import { createMutantWorkspace, type MutantSources } from './applyMutant.js';
import { loadMutantAdapter } from './loadMutantAdapter.js';
import type { Mutant } from './Mutant.js';

/** What the suite said about one mutant. */
export interface MutantVerdict {
  mutant: Mutant;
  /** Every requirement of `breaks` is named by a test that did not pass, and every `tests` entry did not pass. */
  caught: boolean;
  /** Tests that passed against the unmutated copy and not against the mutant, with their status. */
  failing: Array<{ id: string; status: TestResult['status']; requirements: readonly string[] }>;
  /** Requirements of `breaks` that no failing test names. */
  missedRequirements: string[];
  /** Entries of `tests` that passed anyway. */
  missedTests: string[];
  durationMs: number;
}

export interface MutationRun {
  /** Tests that did not pass against an unmutated copy (should be none). */
  baselineFailures: string[];
  verdicts: MutantVerdict[];
}

export interface RunMutantsOptions<M extends Mutant = Mutant> {
  tests: readonly ConformanceTest[];
  /**
   * Builds the adapter for a variant of the reference sources; defaults to the runtime adapter
   * ({@link loadMutantAdapter}).
   */
  adapterFor?: (src: MutantSources, name: string, mutant?: M) => Promise<ConformanceAdapter>;
  /** Only these tests run against a mutant (all by default). */
  select?: (mutant: M, test: ConformanceTest) => boolean;
  /** Per-test timeout; mutants that hang cost this much per hanging test. */
  timeoutMs?: number;
}

/**
 * Checks the mutant data itself: unique names, a `breaks` list of active requirement ids, and
 * `tests` that exist in the suite. Throws naming the mutant at fault.
 */
export function checkMutants(mutants: readonly Mutant[], tests: readonly ConformanceTest[]): void {
  const names = new Set<string>();
  const index = requirementIndex();
  const ids = new Set(tests.map((t) => t.id));
  for (const m of mutants) {
    const where = `mutant '${m.name}'`;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(m.name)) throw new Error(`${where}: name must be kebab-case`);
    if (names.has(m.name)) throw new Error(`${where}: duplicate name`);
    names.add(m.name);
    if (m.breaks.length === 0) throw new Error(`${where}: breaks names no requirement`);
    for (const id of m.breaks) {
      if (index.get(id)?.status !== 'active')
        throw new Error(`${where}: ${id} is not an active requirement of spec/requirements.json`);
    }
    for (const id of m.tests ?? []) {
      if (!ids.has(id)) throw new Error(`${where}: no conformance test has the id '${id}'`);
    }
  }
}

const notPassed = (r: TestResult): boolean =>
  r.status === 'failed' || r.status === 'error' || r.status === 'timeout';

/**
 * Runs the suite against an unmutated copy of the reference sources, then against each mutant,
 * and judges whether the suite caught it. Every copy lives in a temp directory removed at the
 * end.
 */
export async function runMutants<M extends Mutant>(
  mutants: readonly M[],
  options: RunMutantsOptions<M>,
): Promise<MutationRun> {
  checkMutants(mutants, options.tests);
  const adapterFor = options.adapterFor ?? loadMutantAdapter;
  const workspace = createMutantWorkspace();
  try {
    const run = async (name: string, tests: readonly ConformanceTest[], mutant?: M) => {
      const adapter = await adapterFor(workspace.materialize(name, mutant), name, mutant);
      return runConformance({
        adapter,
        tests,
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      });
    };
    const baseline = await run('baseline', options.tests);
    const baselineFailures = baseline.results.filter(notPassed).map((r) => r.id);
    const eligible = options.tests.filter((t) => !baselineFailures.includes(t.id));
    const verdicts: MutantVerdict[] = [];
    for (const mutant of mutants) {
      const begin = performance.now();
      const tests = eligible.filter((t) => options.select?.(mutant, t) ?? true);
      const report = await run(mutant.name, tests, mutant);
      const failing = report.results
        .filter(notPassed)
        .map((r) => ({ id: r.id, status: r.status, requirements: r.requirements }));
      const named = new Set(failing.flatMap((f) => f.requirements));
      const failed = new Set(failing.map((f) => f.id));
      const missedRequirements = mutant.breaks.filter((id) => !named.has(id));
      const missedTests = (mutant.tests ?? []).filter((id) => !failed.has(id));
      verdicts.push({
        mutant,
        caught: failing.length > 0 && missedRequirements.length === 0 && missedTests.length === 0,
        failing,
        missedRequirements,
        missedTests,
        durationMs: Math.round(performance.now() - begin),
      });
    }
    return { baselineFailures, verdicts };
  } finally {
    workspace.dispose();
  }
}

/** A plain-text table: mutant, verdict, the requirements it breaks, the tests that caught it. */
export function formatMutantTable(verdicts: readonly MutantVerdict[]): string {
  const rows = verdicts.map((v) => [
    v.mutant.name,
    v.caught ? 'caught' : 'MISSED',
    v.mutant.breaks.join(', '),
    v.failing.map((f) => (f.status === 'failed' ? f.id : `${f.id} (${f.status})`)).join(', ') ||
      '-',
  ]);
  const header = ['mutant', 'verdict', 'breaks', 'caught by'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  widths[3] = header[3]!.length;
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ');
  const caught = verdicts.filter((v) => v.caught).length;
  return [
    line(header),
    ...rows.map(line),
    `${caught}/${verdicts.length} mutants caught (${verdicts.length === 0 ? 0 : Math.floor((100 * caught) / verdicts.length)}%)`,
  ].join('\n');
}

/** One line per mutant the suite missed: the requirements no failing test names, the tests that passed anyway. */
export function missedMutants(verdicts: readonly MutantVerdict[]): string[] {
  return verdicts
    .filter((v) => !v.caught)
    .map(
      (v) =>
        `${v.mutant.name}: no failing test names ${v.missedRequirements.join(', ') || '-'}; passed anyway: ${v.missedTests.join(', ') || '-'}`,
    );
}
