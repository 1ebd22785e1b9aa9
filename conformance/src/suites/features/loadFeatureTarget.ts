import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the feature suite finds the feature under test. */
export type FeatureTarget =
  /** A package directory; its package.json `exports['.']` or `main` names the entry. */
  | { packageDir: string }
  /** A JavaScript (or, under a TypeScript-aware loader, TypeScript) module file. */
  | { modulePath: string }
  /** A module namespace already imported, or the feature itself. */
  | { module: unknown; label?: string };

/** What the feature suite reads of a package.json's `backstage` field (NAME-041 to NAME-047). */
export interface PackageBackstageField {
  role?: string;
  pluginId?: string;
}

/** The outcome of loading a target: its label, the entry file and the module namespace. */
export interface LoadedTarget {
  label: string;
  entry?: string;
  packageName?: string;
  /** The `backstage` field of the package's package.json, when it has one. */
  backstage?: PackageBackstageField;
  namespace?: Record<string, unknown>;
  /** Why loading failed, naming the file or package.json field at fault. */
  error?: string;
}

/** Picks the import condition of an `exports` entry, as Node would for `import`. */
function exportTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(exportTarget).find((v) => v !== undefined);
  if (typeof value === 'object' && value !== null) {
    const conditions = value as Record<string, unknown>;
    if ('.' in conditions) return exportTarget(conditions['.']);
    for (const key of ['import', 'node', 'default'])
      if (key in conditions) {
        const found = exportTarget(conditions[key]);
        if (found !== undefined) return found;
      }
  }
  return undefined;
}

/** Resolves the entry file of a package directory, or explains why it has none. */
export function resolvePackageEntry(packageDir: string): {
  entry?: string;
  name?: string;
  backstage?: PackageBackstageField;
  error?: string;
} {
  const manifestPath = join(packageDir, 'package.json');
  if (!existsSync(manifestPath))
    return { error: `${manifestPath} does not exist; pass a package directory or a module file` };
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    return { error: `${manifestPath} is not valid JSON: ${(error as Error).message}` };
  }
  const name = typeof manifest['name'] === 'string' ? manifest['name'] : undefined;
  const field = manifest['backstage'] as { role?: unknown; pluginId?: unknown } | undefined;
  const backstage: PackageBackstageField | undefined =
    typeof field === 'object' && field !== null
      ? {
          ...(typeof field.role === 'string' ? { role: field.role } : {}),
          ...(typeof field.pluginId === 'string' ? { pluginId: field.pluginId } : {}),
        }
      : undefined;
  const relative =
    manifest['exports'] !== undefined
      ? exportTarget(manifest['exports'])
      : typeof manifest['main'] === 'string'
        ? manifest['main']
        : 'index.js';
  if (relative === undefined)
    return {
      name,
      ...(backstage ? { backstage } : {}),
      error: `${manifestPath}: "exports" has no "." entry with an import or default condition`,
    };
  const entry = resolve(packageDir, relative);
  if (!existsSync(entry))
    return {
      name,
      ...(backstage ? { backstage } : {}),
      error: `${manifestPath} points at ${relative}, which does not exist (is the package built?)`,
    };
  return { entry, ...(name !== undefined ? { name } : {}), ...(backstage ? { backstage } : {}) };
}

/** Loads the module namespace of a target; never throws, reports the problem instead. */
export async function loadFeatureTarget(target: FeatureTarget): Promise<LoadedTarget> {
  if ('module' in target) {
    const value = target.module;
    // A module namespace (`await import(...)`) is taken as is, even without a default export,
    // as a service library has none; any other value is the feature itself.
    const namespace =
      typeof value === 'object' &&
      value !== null &&
      ('default' in value ||
        (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'Module')
        ? (value as Record<string, unknown>)
        : { default: value };
    return { label: target.label ?? 'the given module', namespace };
  }
  let entry: string;
  let label: string;
  let packageName: string | undefined;
  let backstage: PackageBackstageField | undefined;
  if ('packageDir' in target) {
    const dir = resolve(target.packageDir);
    label = dir;
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      return { label, error: `${dir} is not a directory` };
    const resolved = resolvePackageEntry(dir);
    packageName = resolved.name;
    backstage = resolved.backstage;
    if (resolved.error !== undefined || resolved.entry === undefined)
      return {
        label,
        ...(packageName ? { packageName } : {}),
        ...(backstage ? { backstage } : {}),
        error: resolved.error ?? 'no entry',
      };
    entry = resolved.entry;
  } else {
    entry = resolve(target.modulePath);
    label = entry;
    if (!existsSync(entry)) return { label, error: `${entry} does not exist` };
  }
  try {
    const namespace = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
    return {
      label,
      entry,
      ...(packageName ? { packageName } : {}),
      ...(backstage ? { backstage } : {}),
      namespace,
    };
  } catch (error) {
    return {
      label,
      entry,
      ...(packageName ? { packageName } : {}),
      ...(backstage ? { backstage } : {}),
      error: `importing ${entry} threw: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
}
