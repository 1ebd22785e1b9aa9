import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The root directory of CONF-002: the nearest directory at or above `cwd` whose `package.json`
 * declares `workspaces`, or `cwd` itself when there is none.
 */
export function findRootDirectory(cwd: string): string {
  const start = resolve(cwd);
  for (let dir = start; ; dir = dirname(dir)) {
    if (declaresWorkspaces(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

function declaresWorkspaces(file: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { workspaces?: unknown };
    return manifest.workspaces !== undefined;
  } catch {
    // A missing or unreadable package.json simply does not mark a root.
    return false;
  }
}
