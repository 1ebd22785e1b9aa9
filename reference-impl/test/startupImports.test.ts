import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What importing the package costs every backend is the static import graph of its main entry in
// the built bundle: a package reached from there is loaded and evaluated on every start, whatever
// the configuration asks for. These are loaded on first use instead (issue 10).
const LOADED_ON_DEMAND = ['luxon', 'knex', 'jose', 'ajv', 'ajv-formats', 'better-sqlite3', 'redis'];

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
});
