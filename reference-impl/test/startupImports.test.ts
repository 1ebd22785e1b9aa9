import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What importing the package costs every backend is the static import graph of its main entry in
// the built bundle: a package reached from there is loaded and evaluated on every start, whatever
// the configuration asks for. These are loaded on first use instead (issue 10): TLS only with
// `backend.https`, CORS only with `backend.cors`, DNS only for SRV discovery targets.
const LOADED_ON_DEMAND = [
  'luxon',
  'knex',
  'jose',
  'ajv',
  'ajv-formats',
  'better-sqlite3',
  'redis',
  'cors',
  'node:https',
  'node:tls',
  'node:dns',
  'node:worker_threads',
];
// Node allocates about 30 KB and keeps about 12 KB for every ES module it loads, however small;
// the main entry's code was 43 modules before scripts/bundle.mjs kept it in one chunk.
const MAX_STARTUP_MODULES = 12;

const bundleDir = fileURLToPath(new URL('../dist/bundle/', import.meta.url));

/** Every file of the bundle that `entry` imports statically, and the packages they import (by importer). */
function staticGraph(entry: string): { files: string[]; packages: Map<string, string> } {
  const files: string[] = [];
  const packages = new Map<string, string>();
  const visit = (file: string): void => {
    if (files.includes(file)) return;
    files.push(file);
    const source = readFileSync(file, 'utf8');
    // Static imports and re-exports only: `import(...)` is what loading on demand looks like.
    for (const [, spec] of source.matchAll(/^(?:import|export)\s[^;]*?\bfrom\s*"([^"]+)";/gms)) {
      if (spec!.startsWith('.')) visit(join(dirname(file), spec!));
      else packages.set(packageName(spec!), relative(bundleDir, file));
    }
    for (const [, spec] of source.matchAll(/^import\s*"([^"]+)";/gm)) {
      if (spec!.startsWith('.')) visit(join(dirname(file), spec!));
    }
  };
  visit(join(bundleDir, entry));
  return { files, packages };
}

function packageName(specifier: string): string {
  return specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
}

describe("the package's startup imports", () => {
  it('reach none of the packages that are loaded on first use', () => {
    const { files, packages } = staticGraph('index.js');
    // The walk itself works: the runtime's own chunks and express are in the graph.
    expect(files.length).toBeGreaterThan(5);
    expect(packages.has('express')).toBe(true);
    const eager = LOADED_ON_DEMAND.filter((name) => packages.has(name)).map(
      (name) => `${name} (imported by ${packages.get(name)})`,
    );
    expect(eager).toEqual([]);
  });

  it(`are at most ${MAX_STARTUP_MODULES} modules of the bundle`, () => {
    const { files } = staticGraph('index.js');
    const listed = files.map((file) => relative(bundleDir, file)).join(', ');
    expect(files.length, listed).toBeLessThanOrEqual(MAX_STARTUP_MODULES);
  });

  it('are all reached by every other entry point too, so code splitting keeps them whole', () => {
    // The mechanism behind the bound above: a module that some entry point did not reach would
    // be split into a chunk of its own.
    const [mainFile, ...mainChunks] = staticGraph('index.js').files;
    expect(mainChunks.length).toBeGreaterThan(0);
    for (const entry of ['defaults.js', 'testing/index.js', 'services/rootConfig/index.js']) {
      const reached = new Set(staticGraph(entry).files);
      expect(reached.has(mainFile!), entry).toBe(false);
      expect(
        mainChunks.filter((file) => !reached.has(file)),
        entry,
      ).toEqual([]);
    }
  });
});
