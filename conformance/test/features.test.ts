import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseServiceFactory } from '@openstage/reference-impl/services/database';
import reference from '../adapters/reference/index.js';
import {
  checkFeaturePackage,
  type FeatureCheckReport,
} from '../src/suites/features/checkFeaturePackage.js';
import { formatFeatureReport } from '../src/suites/features/formatFeatureReport.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`./fixtures/feature-packages/${name}`, import.meta.url));
const example = (name: string) =>
  fileURLToPath(new URL(`../../reference-impl/examples/plugins/${name}/index.ts`, import.meta.url));
const conformanceRoot = fileURLToPath(new URL('..', import.meta.url));

const statuses = (report: FeatureCheckReport) =>
  Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
const failed = (report: FeatureCheckReport) =>
  report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
const messageOf = (report: FeatureCheckReport, id: string) =>
  report.checks.find((c) => c.id === id)?.message ?? '';

describe('checkFeaturePackage on good packages', () => {
  it.each(['good-plugin', 'good-module'])('%s passes every check', async (name: string) => {
    const report = await checkFeaturePackage({ packageDir: fixture(name), adapter: reference });
    expect(report.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.packageName).toBe(`fixture-${name}`);
    expect(report.checks).toHaveLength(7);
    for (const check of report.checks) expect(check.requirements.length).toBeGreaterThan(0);
  });

  it('a module package starts alone: its plugin is stood in for, with the extension points it consumes', async () => {
    const report = await checkFeaturePackage({
      packageDir: fixture('good-module'),
      adapter: 'reference',
    });
    expect(report.feature).toEqual({
      featureType: 'registrations',
      pluginId: 'host-plugin',
      moduleId: 'extra-rules',
    });
  });

  it('the reference example plugin stats and module title-rules pass every check', async () => {
    for (const name of ['stats', 'todo-backend-module-title-rules']) {
      const report = await checkFeaturePackage({ modulePath: example(name), adapter: reference });
      expect(
        report.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.message}`),
        name,
      ).toEqual([]);
    }
  });

  it('the todo example fails to start on the mocks alone, naming the database it needs', async () => {
    const report = await checkFeaturePackage({ modulePath: example('todo'), adapter: reference });
    expect(failed(report)).toEqual(['features/starts-on-mock-services']);
    expect(messageOf(report, 'features/starts-on-mock-services')).toMatch(/database/);
    expect(statuses(report)['features/routes-under-prefix']).toBe('skipped');
  });

  it('the todo example passes with a real database factory in place of the mock', async () => {
    const report = await checkFeaturePackage({
      modulePath: example('todo'),
      adapter: reference,
      services: [databaseServiceFactory],
      config: { backend: { database: { client: 'better-sqlite3', connection: ':memory:' } } },
    });
    expect(
      report.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.message}`),
    ).toEqual([]);
  });

  it("runs on Backstage's runtime through its adapter as well", async () => {
    const report = await checkFeaturePackage({
      packageDir: fixture('good-plugin'),
      adapter: 'backstage',
    });
    expect(report.adapter).toBe('backstage');
    expect(report.checks.filter((c) => c.status !== 'passed')).toEqual([]);
  });

  it('accepts a module namespace or a feature object directly', async () => {
    const namespace = (await import(fixture('good-plugin/dist/index.js'))) as { default: unknown };
    for (const module of [namespace, namespace.default]) {
      const report = await checkFeaturePackage({ module, adapter: reference });
      expect(report.ok).toBe(true);
    }
  });
});

describe('checkFeaturePackage on bad packages', () => {
  afterAll(async () => {
    const leaky = (await import(fixture('leaky-timer/index.js'))) as { clearLeak(): void };
    leaky.clearLeak();
  });

  it.each([
    ['wrong-default-export', 'features/default-export-is-feature', /default\.\$\$type/],
    ['no-default-export', 'features/entry-loads', /no default export/],
    ['missing-main', 'features/entry-loads', /dist\/index\.js, which does not exist/],
    ['bad-id', 'features/ids-follow-naming', /'My_Plugin'/],
    ['leaky-timer', 'features/stops-cleanly', /1 x Timeout/],
    ['root-routes', 'features/routes-under-prefix', /rootHttpRouter\.use\('\/status'\)/],
    [
      'plugin-extension-point-dep',
      'features/default-export-is-feature',
      /init\.deps\.rules.*PLUG-008/,
    ],
  ])(
    '%s fails exactly the check %s, naming the culprit',
    async (name: string, check: string, message: RegExp) => {
      const report = await checkFeaturePackage({ packageDir: fixture(name), adapter: reference });
      expect(failed(report)).toEqual([check]);
      expect(messageOf(report, check)).toMatch(message);
      expect(report.ok).toBe(false);
      expect(formatFeatureReport(report)).toContain(`FAIL ${check} [`);
    },
  );

  it('a module file that does not exist is a failed entry-loads check, not a crash', async () => {
    const report = await checkFeaturePackage({
      modulePath: fixture('nowhere/index.js'),
      adapter: reference,
    });
    expect(failed(report)).toEqual(['features/entry-loads']);
    expect(messageOf(report, 'features/entry-loads')).toContain('nowhere');
  });
});

describe('openstage-conformance features (CLI)', () => {
  const out = mkdtempSync(join(tmpdir(), 'openstage-features-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'features', ...args], {
      cwd: conformanceRoot,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('exits 0 for a good package, prints each check with its requirements, writes the report', () => {
    const run = cli(fixture('good-plugin'), '--adapter', 'reference', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('PASS features/stops-cleanly [PLUG-028, LIFE-046]');
    const report = JSON.parse(
      readFileSync(join(out, 'features-report.json'), 'utf8'),
    ) as FeatureCheckReport;
    expect(report.ok).toBe(true);
    expect(report.format).toBe('openstage.feature-check-report');
  });

  it('exits 1 for a package that fails a check, and 2 for a usage error', () => {
    const bad = cli(fixture('root-routes'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('FAIL features/routes-under-prefix');
    const usage = cli();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('features needs a package directory');
  });
});
