import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';

// Unique among the temporary files of live writers: process, thread, and a count within them.
// Not random bytes: the first call of crypto's generator costs a start several milliseconds.
// `node:worker_threads` is required on the first write, which a start with every cache warm never
// makes (issue 10).
const require = createRequire(import.meta.url);
let threadId: number | undefined;
let written = 0;

/**
 * Writes `text` (or bytes) to `file` through a temporary file beside it and a rename, so that a
 * concurrent start never reads half a file; creates the folder first. Returns whether it worked:
 * the callers are caches, for which a location that cannot be written only costs the next start
 * some work. `mode` sets the permissions of a new file (0o666 less the umask by default).
 */
export function writeFileAtomically(
  file: string,
  text: string | Uint8Array,
  mode?: number,
): boolean {
  threadId ??= (require('node:worker_threads') as typeof WorkerThreads).threadId;
  const temporary = `${file}.${process.pid}-${threadId}-${written++}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, text, mode === undefined ? {} : { mode });
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder itself is unusable (not there, not writable): then neither is the file.
    }
    return false;
  }
}
