import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One vitest test of a package and the requirement ids its title names. */
export interface ReferenceImplTest {
  /** `<package folder>/<file> > <test title>`, e.g. `reference-impl/test/x.test.ts > INIT-004 ...`. */
  id: string;
  /**
   * Which suite the test belongs to: reference-impl's own tests, or the conformance package's
   * tests of its harness (the CLS requirements are about the suite itself, so they are checked
   * there rather than by suite metadata).
   */
  suite: 'conformance' | 'reference-impl';
  file: string;
  title: string;
  requirements: string[];
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

/**
 * Titles of `it(...)` and `test(...)` calls, also with modifiers (`it.each(...)`, `test.skipIf(...)`),
 * the same rule as reference-impl/scripts/requirementCoverage.ts: a string literal as first
 * argument.
 */
export function testTitles(source: string): string[] {
  const titles: string[] = [];
  const call = /\b(?:it|test)(?:\.\w+(?:\([^)]*\))?)*\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (const match of source.matchAll(call)) titles.push(match[2] ?? '');
  return titles;
}

/** Requirement-shaped ids a title names, expanding ranges such as `BACK-080..BACK-095`,
 * `BACK-080..095` and `BACK-080 to BACK-095` (the `to` form needs the area on both ends, so
 * that `CACHE-010 to 503` in a title is not read as a range). */
export function idsIn(title: string): string[] {
  const ids = new Set<string>();
  const range = /\b([A-Z]+)-(\d{3})(?:\s*(?:\.\.|–)\s*(?:\1-)?|\s+to\s+\1-)(\d{3})\b/g;
  for (const [, area, from, to] of title.matchAll(range)) {
    for (let n = Number(from); n <= Number(to); n++)
      ids.add(`${area}-${String(n).padStart(3, '0')}`);
  }
  for (const [id] of title.matchAll(/\b[A-Z]+-\d{3}\b/g)) ids.add(id);
  return [...ids];
}

/** Every test of reference-impl (`src/` and `test/`) whose title names at least one id. */
export function referenceImplTests(packageRoot: string): ReferenceImplTest[] {
  return titledTests(packageRoot, 'reference-impl', ['src', 'test']);
}

/**
 * Every test under `dirs` of the package at `packageRoot` whose title names at least one id,
 * attributed to `suite` (also the id prefix, the package's folder name).
 */
export function titledTests(
  packageRoot: string,
  suite: ReferenceImplTest['suite'],
  dirs: readonly string[],
): ReferenceImplTest[] {
  const files = dirs.flatMap((dir) => testFiles(join(packageRoot, dir)));
  const tests: ReferenceImplTest[] = [];
  for (const path of files.sort()) {
    const file = relative(packageRoot, path).split('\\').join('/');
    for (const title of testTitles(readFileSync(path, 'utf8'))) {
      const requirements = idsIn(title);
      if (requirements.length > 0)
        tests.push({ id: `${suite}/${file} > ${title}`, suite, file, title, requirements });
    }
  }
  return tests;
}
