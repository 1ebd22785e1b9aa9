import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Relative import specifiers of a module (static and dynamic imports, and re-exports). */
function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const [, spec] of source.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g))
    found.push(spec!);
  return found;
}

describe('ARCHITECTURE.md dependency rules', () => {
  it('a service folder imports another service only through its index', () => {
    const services = join(src, 'services');
    const violations: string[] = [];
    for (const file of sourceFiles(services)) {
      const own = relative(services, file).split(/[\\/]/)[0];
      for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
        const target = relative(services, join(file, '..', spec)).split(/[\\/]/);
        if (target[0] === '..' || target[0] === own) continue;
        if (target.length !== 2 || target[1] !== 'index.js')
          violations.push(`${relative(src, file)} imports ${spec}`);
      }
    }
    expect(violations, violations.join('\n')).toEqual([]);
  });

  it('nothing outside the CLI and the test kit imports the CLI or the test kit', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(src)) {
      const area = relative(src, file).split(/[\\/]/)[0];
      if (area === 'cli' || area === 'testing') continue;
      for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
        const target = relative(src, join(file, '..', spec)).split(/[\\/]/)[0];
        if (target === 'cli' || target === 'testing')
          violations.push(`${relative(src, file)} imports ${spec}`);
      }
    }
    expect(violations, violations.join('\n')).toEqual([]);
  });
});
