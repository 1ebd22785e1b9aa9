import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ConfigSchema } from './ConfigSchemaValidator.js';
import { isJsonObject } from './jsonValues.js';
import { writeFileAtomically } from './writeFileAtomically.js';

/** Bump when the file's layout or what the walk records changes. */
const FORMAT = 1;
/** The state of an entry that does not exist. */
const ABSENT = '-';

/** What `collectPackageSchemas` returns, as the cache stores it. */
export interface WalkResult {
  schemas: ConfigSchema[];
  skipped: Array<{ packageName: string; location: string }>;
}

/**
 * The result of the last dependency walk for one backend package, with the file-system entries
 * it was read from (every manifest, `node_modules` folder and schema file it looked at, found or
 * not) and their state at the time. A later start that finds every entry in the same state gets
 * the result without reading or parsing a manifest; any change (an install, an edited manifest,
 * a new nested `node_modules`) makes it walk again.
 *
 * **Details**: an entry's state is its inode, size, modification and change times, or its
 * absence. Checking them costs one `stat` per entry, where the walk costs a read and a parse per
 * manifest plus the lookups that miss. Failing to read or write the file never fails a start.
 */
export class PackageSchemaWalkCache {
  readonly file: string;
  readonly #cwd: string;

  constructor(dir: string, cwd: string) {
    this.#cwd = resolve(cwd);
    const name = createHash('sha256').update(this.#cwd).digest('hex').slice(0, 16);
    this.file = join(dir, `package-schemas-${name}.json`);
  }

  /** The stored result, when every entry it was read from is unchanged. */
  read(): WalkResult | undefined {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      // None yet, or unreadable: the caller walks.
      return undefined;
    }
    if (!isStoredWalk(data) || data.format !== FORMAT || data.cwd !== this.#cwd) return undefined;
    for (const [path, state] of data.witnesses) {
      // An entry that was absent only needs to be absent still, which `existsSync` tells without
      // the `Stats` object (and its four `Date`s) that `statSync` allocates: a third of the
      // entries of a typical walk are lookups that missed (issue 10).
      if (state === ABSENT ? existsSync(path) : entryState(path) !== state) return undefined;
    }
    return data.result;
  }

  /** Stores `result` with the states `witnesses` recorded; does nothing on failure. */
  write(result: WalkResult, witnesses: ReadonlyMap<string, string>): void {
    const stored: StoredWalk = {
      format: FORMAT,
      cwd: this.#cwd,
      witnesses: [...witnesses],
      result,
    };
    writeFileAtomically(this.file, JSON.stringify(stored));
  }
}

/**
 * The state of a file-system entry that decides whether a stored walk still holds: `-` when it
 * does not exist. Taken before the entry is read, so a change during the walk shows next time.
 */
export function entryState(path: string): string {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats ? `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}` : ABSENT;
}

interface StoredWalk {
  format: number;
  cwd: string;
  witnesses: Array<[string, string]>;
  result: WalkResult;
}

function isStoredWalk(value: unknown): value is StoredWalk {
  if (!isJsonObject(value)) return false;
  const { witnesses, result } = value;
  return (
    Array.isArray(witnesses) &&
    witnesses.every(
      (w) =>
        Array.isArray(w) && w.length === 2 && typeof w[0] === 'string' && typeof w[1] === 'string',
    ) &&
    isJsonObject(result) &&
    Array.isArray(result['schemas']) &&
    result['schemas'].every(
      (s) => isJsonObject(s) && isJsonObject(s['schema']) && typeof s['location'] === 'string',
    ) &&
    Array.isArray(result['skipped'])
  );
}
