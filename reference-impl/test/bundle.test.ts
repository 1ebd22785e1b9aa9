import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// What users import is dist/bundle/ (scripts/bundle.mjs); these tests hold it to tsc's output in
// dist/, which is what every other test of this package exercises through src/.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { default: string }>;
};

/** Every exported module: its subpath, the bundle file and the dist/ file it is built from. */
function exportedModules(): Array<{ subpath: string; bundled: string; compiled: string }> {
  const modules = [];
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (!file.endsWith('.js')) continue;
    const [before, after = ''] = file.split('*');
    const expand = file.includes('*')
      ? readdirSync(join(packageDir, before ?? '')).filter((name) =>
          existsSync(join(packageDir, `${before}${name}${after}`)),
        )
      : [''];
    for (const name of expand) {
      const bundled = join(packageDir, file.includes('*') ? `${before}${name}${after}` : file);
      modules.push({
        subpath: subpath.replace('*', name),
        bundled,
        compiled: bundled.replace(`${join('dist', 'bundle')}`, 'dist'),
      });
    }
  }
  return modules;
}

const load = (file: string): Promise<Record<string, unknown>> =>
  import(pathToFileURL(file).href) as Promise<Record<string, unknown>>;

describe('the bundled package', () => {
  const modules = exportedModules();

  it('builds every export from package.json, including each service folder', () => {
    expect(modules.map((m) => m.subpath)).toEqual(
      expect.arrayContaining(['.', './defaults', './testing', './services/rootConfig']),
    );
    for (const { bundled } of modules) expect(existsSync(bundled), bundled).toBe(true);
  });

  it.each(modules.map((m) => [m.subpath, m] as const))(
    '%s exports exactly the names tsc compiled',
    async (_subpath, { bundled, compiled }) => {
      const [fromBundle, fromDist] = await Promise.all([load(bundled), load(compiled)]);
      expect(Object.keys(fromBundle).sort()).toEqual(Object.keys(fromDist).sort());
    },
  );

  it('shares one instance of every value that two entry points share in dist/', async () => {
    // Code splitting must not give `/testing` its own copy of a class or registry that the main
    // entry also exports: `instanceof` and module state would then split in two.
    const loaded = await Promise.all(
      modules.map(async (m) => [m.subpath, await load(m.bundled), await load(m.compiled)] as const),
    );
    const seen = new Map<string, Array<{ subpath: string; bundled: unknown; compiled: unknown }>>();
    let shared = 0;
    for (const [subpath, bundledNamespace, compiledNamespace] of loaded) {
      for (const [name, bundled] of Object.entries(bundledNamespace)) {
        if (typeof bundled !== 'function' && (typeof bundled !== 'object' || bundled === null)) {
          continue;
        }
        const compiled = compiledNamespace[name];
        const earlier = seen.get(name) ?? [];
        for (const other of earlier) {
          if (other.compiled !== compiled) continue;
          shared++;
          expect(bundled, `${name} from ${subpath} and from ${other.subpath}`).toBe(other.bundled);
        }
        seen.set(name, [...earlier, { subpath, bundled, compiled }]);
      }
    }
    expect(shared).toBeGreaterThan(0);
  });
});
