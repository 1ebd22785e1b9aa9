import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION_POINT_TYPE } from '../../wireFormat/constants.js';
import type { ExtensionPointSource } from './ExtensionPointSource.js';
import { listWorkspacePackages, type WorkspacePackage } from './listWorkspacePackages.js';

/** What the search found: the source to use, and what the user should know about the search. */
export interface ExtensionPointSearch {
  source?: ExtensionPointSource;
  /** One line each, such as a package that was found but is not built. */
  notes: string[];
}

/**
 * Looks in the workspace for the extension points the plugin `pluginId` offers.
 *
 * Candidates are the packages whose `backstage.pluginId` is `pluginId` or whose name ends with
 * `plugin-<pluginId>-node` or `plugin-<pluginId>-backend`, the `-node` library first, since that
 * is where extension point refs belong (EXT-060, NAME-044). Each candidate's built entry point is
 * imported and its exports that are extension point refs are kept; the first candidate with any
 * wins. A candidate that is not built cannot be inspected, which the notes say.
 */
export async function findExtensionPointSource(
  pluginId: string,
  workspaceRoot: string | undefined,
): Promise<ExtensionPointSearch> {
  if (workspaceRoot === undefined) return { notes: [] };
  const notes: string[] = [];
  const candidates = listWorkspacePackages(workspaceRoot)
    .filter((pkg) => belongsTo(pkg, pluginId))
    .sort((a, b) => rank(a) - rank(b));
  for (const pkg of candidates) {
    const name = pkg.manifest.name!;
    const entry = entryFile(pkg);
    if (entry === undefined || !existsSync(entry)) {
      notes.push(
        `Found ${name} but not its built entry point (${entry ?? 'no main or exports'}); build it ` +
          `and run the command again to use its extension points.`,
      );
      continue;
    }
    let namespace: Record<string, unknown>;
    try {
      namespace = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
    } catch (error) {
      notes.push(
        `Could not load ${name} (${entry}) to look for extension points: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
      continue;
    }
    const extensionPoints = Object.entries(namespace)
      .filter(([exportName, value]) => exportName !== 'default' && isExtensionPoint(value))
      .map(([exportName, value]) => ({ exportName, id: (value as { id: string }).id }))
      .sort((a, b) => a.exportName.localeCompare(b.exportName));
    if (extensionPoints.length > 0) {
      return {
        source: { packageName: name, version: pkg.manifest.version ?? '*', extensionPoints },
        notes,
      };
    }
  }
  return { notes };
}

function belongsTo(pkg: WorkspacePackage, pluginId: string): boolean {
  const { name, backstage } = pkg.manifest;
  if (typeof name !== 'string') return false;
  const role = backstage?.role;
  if (role !== undefined && role !== 'node-library' && role !== 'backend-plugin') return false;
  return (
    backstage?.pluginId === pluginId ||
    name.endsWith(`plugin-${pluginId}-node`) ||
    name.endsWith(`plugin-${pluginId}-backend`)
  );
}

/** The `-node` library before the plugin package. */
function rank(pkg: WorkspacePackage): number {
  return pkg.manifest.backstage?.role === 'node-library' || pkg.manifest.name?.endsWith('-node')
    ? 0
    : 1;
}

/** The file `import('<package>')` would load: `exports['.']`, then `main`, then `index.js`. */
function entryFile(pkg: WorkspacePackage): string | undefined {
  const { exports, main } = pkg.manifest;
  const dot =
    typeof exports === 'string'
      ? exports
      : typeof exports === 'object' && exports !== null
        ? (exports as Record<string, unknown>)['.']
        : undefined;
  const target =
    typeof dot === 'string'
      ? dot
      : typeof dot === 'object' && dot !== null
        ? pick(dot as Record<string, unknown>)
        : (main ?? 'index.js');
  return target === undefined ? undefined : join(pkg.dir, target);
}

function pick(conditions: Record<string, unknown>): string | undefined {
  for (const key of ['import', 'node', 'default', 'require']) {
    const value = conditions[key];
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && value !== null) {
      const nested = pick(value as Record<string, unknown>);
      if (nested !== undefined) return nested;
    }
  }
  return undefined;
}

function isExtensionPoint(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { $$type?: unknown }).$$type === EXTENSION_POINT_TYPE &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}
