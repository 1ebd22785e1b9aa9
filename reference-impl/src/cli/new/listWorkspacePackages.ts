import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A package of the workspace: its folder and its parsed `package.json`. */
export interface WorkspacePackage {
  dir: string;
  manifest: {
    name?: string;
    version?: string;
    main?: string;
    exports?: unknown;
    backstage?: { role?: unknown; pluginId?: unknown };
  };
}

/**
 * The packages of the workspace rooted at `root`, from the `workspaces` patterns of its
 * `package.json` (`plugins/*`, `packages/*` or a plain folder). Without patterns, the folders
 * `plugins/*` and `packages/*` are looked at, as Backstage apps lay packages out.
 */
export function listWorkspacePackages(root: string): WorkspacePackage[] {
  let patterns: string[] = ['plugins/*', 'packages/*'];
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      workspaces?: unknown;
    };
    const declared = Array.isArray(manifest.workspaces)
      ? manifest.workspaces
      : (manifest.workspaces as { packages?: unknown } | undefined)?.packages;
    if (Array.isArray(declared)) patterns = declared.filter((p) => typeof p === 'string');
  } catch {
    // No readable manifest: keep the conventional folders.
  }
  const dirs = patterns.flatMap((pattern) => expand(root, pattern));
  return dirs.flatMap((dir) => {
    try {
      return [{ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }];
    } catch {
      return [];
    }
  });
}

/** `plugins/*` -> every folder under `plugins`; any other pattern is taken as one folder. */
function expand(root: string, pattern: string): string[] {
  const clean = pattern.replace(/\/+$/, '');
  if (!clean.endsWith('/*')) {
    const dir = join(root, clean);
    return existsSync(join(dir, 'package.json')) ? [dir] : [];
  }
  const parent = join(root, clean.slice(0, -2));
  try {
    return readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(parent, entry.name))
      .filter((dir) => existsSync(join(dir, 'package.json')))
      .sort();
  } catch {
    return [];
  }
}
