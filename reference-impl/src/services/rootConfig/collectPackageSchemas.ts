import { readFileSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './ConfigError.js';
import type { ConfigSchema } from './ConfigSchemaValidator.js';
import { isJsonObject, type JsonObject } from './jsonValues.js';

// Only what the backend can load at run time: devDependencies are build and test tools, and
// walking them (and the rest of the workspace) made schema collection dominate startup (CONF-074).
const DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** The schemas packages declare, and the packages whose schemas were skipped. */
export interface CollectedPackageSchemas {
  schemas: ConfigSchema[];
  /** Packages whose `configSchema` is a `.d.ts` file, which this runtime does not compile (CONF-058). */
  skipped: Array<{ packageName: string; location: string }>;
}

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
export async function collectPackageSchemas(cwd: string): Promise<CollectedPackageSchemas> {
  const result: CollectedPackageSchemas = { schemas: [], skipped: [] };
  const readManifest = createManifestReader();
  const visited = new Set<string>();
  const queue: string[] = [];

  const own = await findPackageDir(cwd, readManifest);
  if (own !== undefined) queue.push(own);

  // Breadth-first in waves, each wave's packages read in parallel; a startup walks hundreds.
  const found: Array<{ dir: string; manifest: Manifest }> = [];
  let wave = queue;
  while (wave.length > 0) {
    const dirs = await Promise.all(wave.map((d) => realpath(d).catch(() => undefined)));
    const fresh = [...new Set(dirs)].filter((d): d is string => d !== undefined && !visited.has(d));
    for (const d of fresh) visited.add(d);
    const next = await Promise.all(
      fresh.map(async (d) => {
        const manifest = await readManifest(d);
        if (!manifest) return [];
        found.push({ dir: d, manifest });
        const names = DEPENDENCY_FIELDS.flatMap((field) => {
          const deps = manifest[field];
          return isJsonObject(deps) ? Object.keys(deps) : [];
        });
        const installed = await Promise.all(
          names.map((name) => findInstalled(d, name, readManifest)),
        );
        return installed.filter((x): x is string => x !== undefined);
      }),
    );
    wave = next.flat();
  }
  // Sorted so that the order of problems and schemas does not depend on file system timing.
  found.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  for (const { dir, manifest } of found) await addSchema(dir, manifest, result);
  return result;
}

async function addSchema(
  dir: string,
  manifest: Manifest,
  result: CollectedPackageSchemas,
): Promise<void> {
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
  let schema: unknown;
  try {
    schema = JSON.parse(await readFile(location, 'utf8'));
  } catch (error) {
    throw ConfigError.create(
      'CONF_SCHEMA_INVALID',
      { location, packageName, reason: `cannot be read as JSON: ${(error as Error).message}` },
      { cause: error },
    );
  }
  if (!isJsonObject(schema)) {
    throw ConfigError.create('CONF_SCHEMA_INVALID', {
      location,
      packageName,
      reason: 'the schema must be a JSON object',
    });
  }
  result.schemas.push({ schema, location, packageName });
}

type ReadManifest = (dir: string) => Promise<Manifest | undefined>;

/** A manifest reader that reads each directory once; one per collection, since files change. */
function createManifestReader(): ReadManifest {
  const cache = new Map<string, Promise<Manifest | undefined>>();
  return (dir) => {
    let cached = cache.get(dir);
    if (!cached) {
      cached = readManifestUncached(dir);
      cache.set(dir, cached);
    }
    return cached;
  };
}

async function readManifestUncached(dir: string): Promise<Manifest | undefined> {
  try {
    // Synchronous: a manifest is small, and the walk reads hundreds of them (most lookups miss),
    // where each asynchronous read costs four round trips through the thread pool.
    const parsed: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return isJsonObject(parsed) ? (parsed as JsonObject as Manifest) : undefined;
  } catch {
    // Not a package (or an unreadable one): it contributes no schema.
    return undefined;
  }
}

async function findPackageDir(
  start: string,
  readManifest: ReadManifest,
): Promise<string | undefined> {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (await readManifest(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

async function findInstalled(
  from: string,
  name: string,
  readManifest: ReadManifest,
): Promise<string | undefined> {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (await readManifest(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
