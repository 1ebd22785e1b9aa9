/**
 * Prints, per runtime chapter, how many `runtime`-class requirements of
 * spec/requirements.json are named by at least one test title of
 * reference-impl, and lists the ones that are not.
 *
 * Run: `npx tsx scripts/requirementCoverage.ts [--chapters FEAT,INIT] [--quiet] [--must]`
 *   --quiet     only the summary table
 *   --must      list only uncovered MUST requirements
 *   --chapters  restrict to these areas
 *
 * A test names a requirement when its title (the first argument of `it(` or
 * `test(`) contains the ID, e.g. `it('INIT-004, INIT-005: ...')`. A range
 * `BACK-080..BACK-095` names every ID in between.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Requirement {
  id: string;
  level: string;
  status: string;
  text: string;
  classes: string[];
  errorCode: string | null;
}

const DEFAULT_AREAS = ['FEAT', 'BACK', 'SVC', 'PLUG', 'MOD', 'EXT', 'LOAD', 'INIT', 'STOP', 'LIFE'];

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, '..');
const requirementsPath = join(packageRoot, '..', 'spec', 'requirements.json');

function parseArgs(argv: string[]): { areas: string[]; quiet: boolean; mustOnly: boolean } {
  const chaptersIndex = argv.indexOf('--chapters');
  const areas =
    chaptersIndex >= 0 ? (argv[chaptersIndex + 1] ?? '').split(',').filter(Boolean) : DEFAULT_AREAS;
  return { areas, quiet: argv.includes('--quiet'), mustOnly: argv.includes('--must') };
}

function testFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...testFiles(path));
    else if (/\.test(-d)?\.ts$/.test(entry)) found.push(path);
  }
  return found;
}

/** Titles of `it(...)`/`test(...)` calls (with `.only`, `.skipIf(...)` and the like). */
function testTitles(source: string): string[] {
  const titles: string[] = [];
  const call = /\b(?:it|test)(?:\.\w+(?:\([^)]*\))?)*\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (const match of source.matchAll(call)) titles.push(match[2] ?? '');
  return titles;
}

/** IDs a title names, expanding `AREA-001..AREA-009` ranges. */
function idsIn(title: string): string[] {
  const ids: string[] = [];
  const range = /\b([A-Z]+)-(\d{3})(?:\s*(?:\.\.|–)\s*(?:\1-)?|\s+to\s+\1-)(\d{3})\b/g;
  for (const match of title.matchAll(range)) {
    const [, area, from, to] = match;
    for (let n = Number(from); n <= Number(to); n++)
      ids.push(`${area}-${String(n).padStart(3, '0')}`);
  }
  for (const match of title.matchAll(/\b[A-Z]+-\d{3}\b/g)) ids.push(match[0]);
  return ids;
}

function main(): void {
  const { areas, quiet, mustOnly } = parseArgs(process.argv.slice(2));
  const index = JSON.parse(readFileSync(requirementsPath, 'utf8')) as {
    requirements: Requirement[];
  };
  const named = new Map<string, Set<string>>();
  const files = [...testFiles(join(packageRoot, 'src')), ...testFiles(join(packageRoot, 'test'))];
  for (const file of files) {
    for (const title of testTitles(readFileSync(file, 'utf8'))) {
      for (const id of idsIn(title)) {
        const where = named.get(id) ?? new Set<string>();
        where.add(relative(packageRoot, file));
        named.set(id, where);
      }
    }
  }

  const rows: string[][] = [
    ['chapter', 'runtime', 'covered', '%', 'MUST', 'MUST covered', 'MUST %'],
  ];
  const uncovered: Requirement[] = [];
  const totals = { all: 0, covered: 0, must: 0, mustCovered: 0 };
  const percent = (part: number, whole: number): string =>
    whole === 0 ? '-' : `${Math.floor((100 * part) / whole)}%`;
  for (const area of areas) {
    const requirements = index.requirements.filter(
      (r) => r.id.startsWith(`${area}-`) && r.classes.includes('runtime') && r.status === 'active',
    );
    const covered = requirements.filter((r) => named.has(r.id));
    const must = requirements.filter((r) => r.level === 'MUST');
    const mustCovered = must.filter((r) => named.has(r.id));
    rows.push([
      area,
      String(requirements.length),
      String(covered.length),
      percent(covered.length, requirements.length),
      String(must.length),
      String(mustCovered.length),
      percent(mustCovered.length, must.length),
    ]);
    totals.all += requirements.length;
    totals.covered += covered.length;
    totals.must += must.length;
    totals.mustCovered += mustCovered.length;
    uncovered.push(
      ...requirements.filter((r) => !named.has(r.id) && (!mustOnly || r.level === 'MUST')),
    );
  }
  rows.push([
    'total',
    String(totals.all),
    String(totals.covered),
    percent(totals.covered, totals.all),
    String(totals.must),
    String(totals.mustCovered),
    percent(totals.mustCovered, totals.must),
  ]);

  const widths = rows[0]!.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  for (const row of rows)
    console.log(row.map((cell, column) => cell.padStart(widths[column]!)).join('  '));

  const known = new Set(index.requirements.map((r) => r.id.split('-')[0]));
  const unknown = [...named.keys()].filter(
    (id) => known.has(id.split('-')[0]) && !index.requirements.some((r) => r.id === id),
  );
  if (unknown.length > 0)
    console.log(
      `\nTest titles name IDs that are not in requirements.json: ${unknown.sort().join(', ')}`,
    );

  if (quiet || uncovered.length === 0) return;
  console.log(`\nUncovered (${uncovered.length}):`);
  for (const r of uncovered) {
    const text = r.text.replace(/\s+/g, ' ');
    console.log(
      `  ${r.id} ${r.level}${r.errorCode ? ` ${r.errorCode}` : ''}: ${text.length > 150 ? `${text.slice(0, 147)}...` : text}`,
    );
  }
}

main();
