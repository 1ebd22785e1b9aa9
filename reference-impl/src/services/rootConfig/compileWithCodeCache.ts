import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { writeFileAtomically } from './writeFileAtomically.js';

/** Whether V8's code cache served a compile: read and accepted, rejected, absent, or not kept. */
export type CodeCacheState = 'used' | 'rejected' | 'absent' | 'off';

/** A script compiled by {@link compileWithCodeCache}. */
export interface CodeCachedScript {
  /** The value of the script's last expression. */
  readonly value: unknown;
  readonly codeCache: CodeCacheState;
  /**
   * Writes the code cache when the compile did not use one. Call it once the script's code has
   * run its usual path: the cache then also holds the functions V8 compiled on the way, which are
   * most of what it saves. Writes at most once; a failed write is ignored.
   */
  saveCodeCache(): void;
}

/**
 * Compiles and runs `code`, a script (not a module) whose last expression is its result, with
 * V8's code cache kept in `cacheDir` as `<name>-<key>-<V8 version>-<arch>.v8cache`.
 *
 * **Details**: compiling the spec's precompiled config validator (about 450 KB) and the lazy
 * compiles of its first validation cost several milliseconds of every start; the code cache
 * turns both into a deserialization. `key` must change whenever `code` does (the caller passes a
 * hash computed when the code was generated): V8 checks only that the cache fits the source's
 * length and its own version and flags, and rejects the cache otherwise, in which case the code
 * is compiled as if there were none and the cache is written again. Without `cacheDir` nothing
 * is read or written.
 */
export function compileWithCodeCache(
  code: string,
  options: { name: string; key: string; cacheDir?: string | undefined },
): CodeCachedScript {
  const { cacheDir } = options;
  const file =
    cacheDir === undefined
      ? undefined
      : join(
          cacheDir,
          `${options.name}-${options.key}-${process.versions.v8}-${process.arch}.v8cache`,
        );
  let cachedData: Buffer | undefined;
  if (file !== undefined) {
    try {
      cachedData = readFileSync(file);
    } catch {
      // Not written yet, or not readable: compile without it.
    }
  }
  const script = new Script(code, {
    filename: `openstage:${options.name}`,
    ...(cachedData ? { cachedData } : {}),
  });
  const codeCache: CodeCacheState =
    file === undefined
      ? 'off'
      : cachedData === undefined
        ? 'absent'
        : script.cachedDataRejected === true
          ? 'rejected'
          : 'used';
  const value: unknown = script.runInThisContext();
  let saved = codeCache === 'used' || file === undefined;
  return {
    value,
    codeCache,
    saveCodeCache() {
      if (saved || file === undefined) return;
      saved = true;
      writeFileAtomically(file, script.createCachedData());
    },
  };
}
