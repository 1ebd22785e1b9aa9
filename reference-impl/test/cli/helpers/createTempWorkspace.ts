import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's installed packages, which temporary workspaces reuse. */
export const repoNodeModules = fileURLToPath(new URL('../../../../node_modules', import.meta.url));

/** The built command line, for tests that run it as a process. */
export const cliMain = fileURLToPath(new URL('../../../dist/bundle/cli/main.js', import.meta.url));

/** A throwaway workspace: its root, and how to add files and linked packages to it. */
export interface TempWorkspace {
  root: string;
  write(path: string, text: string): string;
  /** Makes `import(name)` resolve to `dir` from anywhere in the workspace. */
  link(name: string, dir: string): void;
  remove(): void;
}

/**
 * A temporary npm workspace (`workspaces: ['plugins/*', 'packages/*']`) whose `node_modules`
 * links every package installed in the repository, so generated packages resolve
 * `@openstage/reference-impl`, express, vitest and typescript without an install, and can be
 * given packages of their own with `link`.
 */
export function createTempWorkspace(manifest: Record<string, unknown> = {}): TempWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'openstage-cli-'));
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({
      name: 'workspace',
      private: true,
      workspaces: ['plugins/*', 'packages/*'],
      ...manifest,
    }),
  );
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(repoNodeModules)) {
    if (entry === '.package-lock.json') continue;
    symlinkSync(join(repoNodeModules, entry), join(modules, entry));
  }
  return {
    root,
    write(path, text) {
      const file = join(root, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    link(name, dir) {
      const target = join(modules, name);
      // A scope the repository does not have gets a real folder of its own; writing into a
      // linked one would change the repository's node_modules.
      if (existsSync(dirname(target)) && lstatSync(dirname(target)).isSymbolicLink())
        throw new Error(`${dirname(target)} is the repository's; link ${name} under another scope`);
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(dir, target);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
