import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Mutant } from './Mutant.js';

/** The reference implementation's sources, which every mutant edits a copy of. */
export const REFERENCE_SRC = fileURLToPath(new URL('../../reference-impl/src/', import.meta.url));
const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));

/** Thrown when a mutant's `find` text does not occur exactly once: the mutant is stale. */
export class StaleMutantError extends Error {
  constructor(mutant: Mutant, problem: string) {
    super(
      `mutant '${mutant.name}' is stale: ${problem} (expected exactly once); update the mutant to the current source`,
    );
    this.name = 'StaleMutantError';
  }
}

/** One variant of the reference sources: the original, or a mutant. */
export interface MutantSources {
  /**
   * The absolute path of a module (relative to `reference-impl/src`) in this variant: the
   * mutated copy for the edited file and every module that imports it, directly or not; the
   * original file for every other module, which the edit cannot affect.
   */
  resolve(path: string): string;
  /** The copied modules, relative to `reference-impl/src`. */
  copied: readonly string[];
}

/** A scratch directory holding the copies of every mutant. */
export interface MutantWorkspace {
  readonly root: string;
  /** The sources of `mutant` (the original ones without it), copied under `<root>/<name>/src`. */
  materialize(name: string, mutant?: Mutant): MutantSources;
  dispose(): void;
}

function occurrences(text: string, find: string): number {
  if (find.length === 0) return 0;
  let count = 0;
  for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + 1)) count++;
  return count;
}

/** Relative module specifiers of a source file: static, type-only, re-export and dynamic imports. */
const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\2/g;

/** The source file a relative `.js` specifier names, relative to `reference-impl/src`. */
function target(from: string, specifier: string): string {
  return normalize(join(dirname(from), specifier)).replace(/\.js$/, '.ts');
}

function sourceFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path, base);
    return entry.endsWith('.ts') && !entry.endsWith('.test.ts') ? [relative(base, path)] : [];
  });
}

/** For every module of `reference-impl/src`, the modules that import it. */
function importersIndex(): Map<string, Set<string>> {
  const importers = new Map<string, Set<string>>();
  for (const file of sourceFiles(REFERENCE_SRC)) {
    const text = readFileSync(join(REFERENCE_SRC, file), 'utf8');
    for (const match of text.matchAll(SPECIFIER)) {
      const imported = target(file, match[3]!);
      const set = importers.get(imported) ?? new Set<string>();
      set.add(file);
      importers.set(imported, set);
    }
  }
  return importers;
}

/**
 * Creates the scratch directory in the OS temp dir. Only the edited module and its importers are
 * copied; their imports of other modules are rewritten to the original files, so each mutant
 * costs a few module loads instead of a whole copy of the implementation. A `node_modules` link
 * lets the copies resolve packages (`@openstage/spec`, `ajv`, ...) as the originals do.
 */
export function createMutantWorkspace(): MutantWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'openstage-mutants-'));
  symlinkSync(NODE_MODULES, join(root, 'node_modules'), 'dir');
  let importers: Map<string, Set<string>> | undefined;
  return {
    root,
    materialize(name, mutant) {
      if (!mutant) return { resolve: (path) => join(REFERENCE_SRC, path), copied: [] };
      // Check the edit against the original first: a stale mutant fails before any copying.
      let original: string;
      try {
        original = readFileSync(join(REFERENCE_SRC, mutant.file), 'utf8');
      } catch {
        throw new StaleMutantError(mutant, `reference-impl/src/${mutant.file} does not exist`);
      }
      const count = occurrences(original, mutant.find);
      if (count !== 1)
        throw new StaleMutantError(
          mutant,
          `its find text occurs ${count} times in reference-impl/src/${mutant.file}`,
        );
      importers ??= importersIndex();
      const cone = new Set<string>([normalize(mutant.file)]);
      for (const file of cone) for (const importer of importers.get(file) ?? []) cone.add(importer);
      const dir = join(root, name, 'src');
      for (const file of cone) {
        const text =
          file === normalize(mutant.file)
            ? original.replace(mutant.find, () => mutant.replace)
            : readFileSync(join(REFERENCE_SRC, file), 'utf8');
        const copy = join(dir, file);
        const rewritten = text.replace(
          SPECIFIER,
          (whole, lead: string, quote: string, spec: string) => {
            if (cone.has(target(file, spec))) return whole;
            const outside = relative(dirname(copy), join(REFERENCE_SRC, dirname(file), spec));
            return `${lead}${quote}${outside.split('\\').join('/')}${quote}`;
          },
        );
        mkdirSync(dirname(copy), { recursive: true });
        writeFileSync(copy, rewritten);
      }
      return {
        resolve: (path) =>
          cone.has(normalize(path)) ? join(dir, path) : join(REFERENCE_SRC, path),
        copied: [...cone].sort(),
      };
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
