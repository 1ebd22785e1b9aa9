import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResults, ResultRow } from '../src/results/BenchResults.js';

const run = promisify(execFile);
const benchDir = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

let out: string;
let results: BenchResults;
let markdown: string;
let files: string[];

beforeAll(async () => {
  // The harness runs compiled children (no transpiler in the measured processes), so build first.
  await run(process.execPath, [tsc, '-p', join(benchDir, 'tsconfig.json')], { cwd: benchDir });
  out = await mkdtemp(join(tmpdir(), 'openstage-bench-'));
  await run(process.execPath, [join(benchDir, 'dist', 'run.js'), '--quick', '--out', out], {
    cwd: benchDir,
    maxBuffer: 16 * 2 ** 20,
  });
  files = (await readdir(out)).sort();
  results = JSON.parse(await readFile(join(out, 'latest.json'), 'utf8')) as BenchResults;
  markdown = await readFile(join(out, 'latest.md'), 'utf8');
});

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

function rowsOf(scenario: string): ResultRow[] {
  return results.rows.filter((r) => r.scenario.startsWith(scenario));
}

describe('npm run bench -- --quick', () => {
  it('writes a dated JSON and Markdown report and their latest copies', async () => {
    expect(files).toHaveLength(4);
    expect(files).toContain('latest.json');
    expect(files).toContain('latest.md');
    const dated = files.find((f) => /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.json$/.test(f));
    expect(dated).toBeDefined();
    expect(await readFile(join(out, dated as string), 'utf8')).toBe(
      await readFile(join(out, 'latest.json'), 'utf8'),
    );
    expect(files).toContain((dated as string).replace(/\.json$/, '.md'));
  });

  it('records the machine, the package versions and the settings', () => {
    expect(results.schemaVersion).toBe(1);
    expect(results.mode).toBe('quick');
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.cpuModel).not.toBe('');
    expect(results.machine.totalMemoryBytes).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
    expect(results.packages).toMatchObject({
      '@backstage/backend-defaults': '0.18.0',
      '@backstage/backend-app-api': '1.7.4',
      '@backstage/backend-plugin-api': '1.10.1',
      express: '4.22.3',
      autocannon: '8.0.0',
    });
    expect(results.packages['@openstage/reference-impl']).toMatch(/^\d+\.\d+\.\d+/);
    expect(Date.parse(results.finishedAt)).toBeGreaterThanOrEqual(Date.parse(results.startedAt));
  });

  it('measures both runtimes in every lifecycle scenario, once per round and plugin count', () => {
    const { rounds, pluginCounts, memoryPluginCounts } = results.settings;
    for (const scenario of ['Ready time', 'start() alone', 'stop() duration']) {
      const rows = rowsOf(scenario);
      expect(rows.map((r) => r.case)).toEqual(pluginCounts.map((n) => `${n} plugins`));
      for (const row of rows) {
        expect(row.openstage?.samples, `${scenario} ${row.case}`).toHaveLength(rounds);
        expect(row.backstage?.samples, `${scenario} ${row.case}`).toHaveLength(rounds);
        expect(row.ratio).toBeCloseTo(
          (row.openstage?.median ?? NaN) / (row.backstage?.median ?? NaN),
          9,
        );
      }
    }
    for (const scenario of ['RSS after start', 'Heap used after start']) {
      const rows = rowsOf(scenario);
      expect(rows.map((r) => r.case)).toEqual(memoryPluginCounts.map((n) => `${n} plugins`));
      for (const row of rows) expect(row.openstage?.median).toBeGreaterThan(1);
    }
    // A runtime whose process stays alive after stop() gets a note naming what keeps it alive.
    for (const row of rowsOf('Shutdown')) {
      for (const runtime of ['openstage', 'backstage'] as const) {
        const exited = row[runtime]?.samples.length ?? 0;
        if (exited < results.settings.rounds) {
          expect(row.notes?.some((n) => n.startsWith(`${runtime}:`))).toBe(true);
        }
      }
    }
  });

  it('loads both routes on both runtimes and the ceilings without a failed request', () => {
    const throughput = rowsOf('HTTP Throughput');
    expect(throughput.map((r) => r.case)).toEqual([
      'auth-exempt plugin route',
      'service-token plugin route',
    ]);
    for (const row of throughput) {
      expect(row.notes, row.case).toBeUndefined();
      expect(row.openstage?.median, row.case).toBeGreaterThan(0);
      expect(row.backstage?.median, row.case).toBeGreaterThan(0);
    }
    expect(Object.keys(throughput[0]?.references ?? {}).sort()).toEqual(['express', 'node-http']);
    expect(rowsOf('HTTP Latency p99')).toHaveLength(2);
  });

  it('wires the generated features on both runtimes', () => {
    const rows = rowsOf('Wiring scale: preflight + wiring');
    expect(rows.map((r) => r.case)).toEqual(
      results.settings.wiringFeatureCounts.map((n) => `${n} features`),
    );
    for (const row of rows) {
      expect(row.openstage?.median).toBeGreaterThan(0);
      expect(row.backstage?.median).toBeGreaterThan(0);
    }
  });

  it('keeps every summary consistent and judges every target', () => {
    for (const row of results.rows) {
      const summaries = [row.openstage, row.backstage, ...Object.values(row.references ?? {})];
      for (const summary of summaries) {
        if (!summary) continue;
        expect(summary.min).toBe(Math.min(...summary.samples));
        expect(summary.max).toBe(Math.max(...summary.samples));
        expect(summary.median).toBeGreaterThanOrEqual(summary.min);
        expect(summary.median).toBeLessThanOrEqual(summary.max);
      }
    }
    expect(results.targets.map((t) => t.id)).toEqual([
      'ready-10',
      'start-100',
      'rss-10',
      'rss-100',
      'http-public',
      'http-public-express',
      'http-service',
    ]);
    for (const target of results.targets) {
      if (target.value === undefined) expect(target.met).toBe(false);
      else
        expect(target.met).toBe(
          target.comparator === '<='
            ? target.value <= target.threshold
            : target.value >= target.threshold,
        );
    }
  });

  it('renders every row and the machine in the Markdown report', () => {
    expect(markdown).toContain(results.machine.cpuModel);
    expect(markdown).toContain(`Node.js: ${results.machine.node}`);
    expect(markdown).toContain(
      '| Scenario | Case | Unit | Openstage | Backstage | Openstage/Backstage |',
    );
    const tableRows = markdown
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
    // One header and one line per result row, then one header and one line per target.
    expect(tableRows).toHaveLength(1 + results.rows.length + 1 + results.targets.length);
  });
});
