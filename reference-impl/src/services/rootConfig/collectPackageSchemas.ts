import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from './ConfigError.js';
import type { ConfigSchema } from './ConfigSchemaValidator.js';
import { isJsonObject, type JsonObject } from './jsonValues.js';
import { entryState, PackageSchemaWalkCache } from './PackageSchemaWalkCache.js';
import { readSchemaFile } from './readSchemaFile.js';

// Only what the backend can load at run time: devDependencies are build and test tools, and
// walking them (and the rest of the workspace) made schema collection dominate startup (CONF-074).
const DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** The schemas packages declare, and the packages whose schemas were skipped. */
export interface CollectedPackageSchemas {
  schemas: ConfigSchema[];
  /** Packages whose `configSchema` is a `.d.ts` file, which this runtime does not compile (CONF-058). */
  skipped: Array<{ packageName: string; location: string }>;
}

/** Options of {@link collectPackageSchemas}. */
export interface CollectPackageSchemasOptions {
  /**
   * Where to keep the result for the next start (see {@link PackageSchemaWalkCache}); without
   * it every call walks.
   */
  cacheDir?: string;
}

/** Records that the walk read a file-system entry. */
type Witness = (path: string) => void;

interface Manifest {
  name?: string;
  workspaces?: unknown;
  configSchema?: unknown;
  [field: string]: unknown;
}

/**
 * Collects the `configSchema` of the backend package, the package that contains `cwd`, and of
 * every package reachable from it through `dependencies`, `optionalDependencies` and
 * `peerDependencies` (CONF-053, CONF-054); never through `devDependencies`, and never from
 * workspace packages the backend does not depend on (CONF-074). Dependencies are found the way
 * Node finds them, in `node_modules` folders from the dependent package up; ones that are not
 * installed are skipped.
 *
 * Fails with `CONF_SCHEMA_INVALID`, naming the package and the schema's location, when a schema
 * file cannot be read or parsed or has neither a `.json` nor a `.d.ts` extension (CONF-059).
 */
export async function collectPackageSchemas(
  cwd: string,
  options: CollectPackageSchemasOptions = {},
): Promise<CollectedPackageSchemas> {
  const cache =
    options.cacheDir === undefined ? undefined : new PackageSchemaWalkCache(options.cacheDir, cwd);
  const stored = cache?.read();
  if (stored) return stored;
  const witnesses = new Map<string, string>();
  // Only a walk that will be stored pays for recording what it read.
  const witness = cache
    ? (path: string): void => {
        if (!witnesses.has(path)) witnesses.set(path, entryState(path));
      }
    : undefined;
  const result: CollectedPackageSchemas = { schemas: [], skipped: [] };
  const tree = new PackageTree(witness);
  const own = tree.findPackageDir(cwd);
  const found: Array<{ dir: string; manifest: Manifest }> = [];
  const visited = new Set<string>();
  const queue = own === undefined ? [] : [own];
  // Synchronous on purpose: a startup visits hundreds of packages, most lookups miss, and each
  // asynchronous file operation is a round trip through the thread pool (CONF-074 keeps the walk
  // to runtime dependencies; this keeps each step cheap).
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const dir = tree.realDir(next);
    if (dir === undefined || visited.has(dir)) continue;
    visited.add(dir);
    const manifest = tree.manifest(dir);
    if (!manifest) continue;
    found.push({ dir, manifest });
    for (const field of DEPENDENCY_FIELDS) {
      const deps = manifest[field];
      if (!isJsonObject(deps)) continue;
      for (const name of Object.keys(deps)) {
        const installed = tree.findInstalled(dir, name);
        if (installed !== undefined) queue.push(installed);
      }
    }
  }
  // Sorted so that the order of problems and schemas does not depend on the order of the walk.
  found.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  for (const { dir, manifest } of found) addSchema(dir, manifest, result, witness);
  cache?.write(result, witnesses);
  return result;
}

/**
 * The backend package's folder: the nearest folder at or above `cwd` whose `package.json` is a
 * JSON object; `undefined` when there is none. The walk starts there, and rootConfig's caches
 * live in its `node_modules/.cache`.
 */
export function findPackageDir(cwd: string): string | undefined {
  return new PackageTree().findPackageDir(cwd);
}

function addSchema(
  dir: string,
  manifest: Manifest,
  result: CollectedPackageSchemas,
  witness: Witness | undefined,
): void {
  const declared = manifest.configSchema;
  if (declared === undefined) return;
  const packageName = manifest.name ?? dir;
  const inline = `${join(dir, 'package.json')}#configSchema`;
  if (isJsonObject(declared)) {
    result.schemas.push({ schema: declared, location: inline, packageName });
    return;
  }
  if (typeof declared !== 'string') {
    throw ConfigError.create('CONF_SCHEMA_INVALID', {
      location: inline,
      packageName,
      reason: 'configSchema must be an object or a path',
    });
  }
  const location = resolve(dir, declared);
  if (declared.endsWith('.d.ts')) {
    result.skipped.push({ packageName, location });
    return;
  }
  if (!declared.endsWith('.json')) {
    throw ConfigError.create('CONF_SCHEMA_INVALID', {
      location,
      packageName,
      reason: 'a configSchema path must end in .json or .d.ts',
    });
  }
  witness?.(location);
  result.schemas.push({ schema: readSchemaFile(location, packageName), location, packageName });
}

/**
 * What one collection knows of the file system: manifests, directory listings and real paths,
 * each read once. One per collection, since installed packages change between starts.
 */
class PackageTree {
  readonly #witness: Witness | undefined;
  readonly #manifests = new Map<string, Manifest | undefined>();
  readonly #listings = new Map<string, ReadonlySet<string> | undefined>();
  readonly #realDirs = new Map<string, string | undefined>();

  /** `witness` hears of every entry the walk's outcome depends on, before it is read. */
  constructor(witness?: Witness) {
    this.#witness = witness;
  }

  /** The manifest in `dir`, or `undefined` when there is none or it is not a JSON object. */
  manifest(dir: string): Manifest | undefined {
    if (this.#manifests.has(dir)) return this.#manifests.get(dir);
    let manifest: Manifest | undefined;
    const file = join(dir, 'package.json');
    this.#witness?.(file);
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (isJsonObject(parsed)) manifest = parsed as JsonObject as Manifest;
    } catch {
      // Not a package (or an unreadable one): it contributes no schema.
    }
    this.#manifests.set(dir, manifest);
    return manifest;
  }

  /** The nearest directory at or above `start` that holds a manifest. */
  findPackageDir(start: string): string | undefined {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (this.manifest(dir)) return dir;
      if (dirname(dir) === dir) return undefined;
    }
  }

  /**
   * Where Node would find package `name` from `from`: the first `node_modules/<name>` with a
   * manifest, from `from` up. Checked against directory listings, so that the many misses cost
   * a set lookup rather than a failed read.
   */
  findInstalled(from: string, name: string): string | undefined {
    const segments = name.split('/');
    for (let dir = from; ; dir = dirname(dir)) {
      if (basename(dir) !== 'node_modules') {
        const modules = join(dir, 'node_modules');
        let listed = this.#list(modules)?.has(segments[0] ?? '') ?? false;
        if (listed && segments.length === 2) {
          listed = this.#list(join(modules, segments[0] ?? ''))?.has(segments[1] ?? '') ?? false;
        }
        const candidate = join(modules, name);
        if (listed && this.manifest(candidate)) return candidate;
      }
      if (dirname(dir) === dir) return undefined;
    }
  }

  /**
   * `dir` with every symbolic link resolved, or `undefined` when it does not exist. Each parent
   * is resolved once per collection, so the hundreds of packages under one `node_modules` cost
   * one `lstat` each rather than one per path segment.
   */
  realDir(dir: string): string | undefined {
    if (this.#realDirs.has(dir)) return this.#realDirs.get(dir);
    const parent = dirname(dir);
    let real: string | undefined;
    if (parent === dir) {
      real = dir;
    } else {
      const realParent = this.realDir(parent);
      const joined = realParent === undefined ? undefined : join(realParent, basename(dir));
      const stats = joined === undefined ? undefined : lstatSync(joined, { throwIfNoEntry: false });
      if (joined !== undefined && stats) {
        // A link's target may itself sit under links; the native call resolves the whole chain.
        real = stats.isSymbolicLink() ? safeRealpath(joined) : joined;
      }
    }
    this.#realDirs.set(dir, real);
    return real;
  }

  #list(dir: string): ReadonlySet<string> | undefined {
    if (this.#listings.has(dir)) return this.#listings.get(dir);
    let entries: ReadonlySet<string> | undefined;
    // A folder's times change when an entry is added, removed or replaced (a new install).
    this.#witness?.(dir);
    if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      try {
        entries = new Set(readdirSync(dir));
      } catch {
        // Unreadable: treated as empty, as Node's resolution would fail there too.
      }
    }
    this.#listings.set(dir, entries);
    return entries;
  }
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    // A dangling link: nothing is installed there.
    return undefined;
  }
}
