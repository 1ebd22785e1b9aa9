import { setImmediate } from 'node:timers';

/** Lines held back since the last write to standard output; `undefined` when none may be. */
let held: string[] | undefined;
let exitHookInstalled = false;
/** Set once `exit` is under way: no later turn will come, so every line is written at once. */
let exiting = false;
/** Past this many held lines they go out at once, so that a burst never piles up in memory. */
const MAX_HELD = 256;

function flushHeld(): void {
  const lines = held;
  held = undefined;
  if (lines === undefined || lines.length === 0) return;
  try {
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch {
    // LOG-004: logging never throws, not even from a later turn of the event loop.
  }
}

/**
 * Writes one line to standard output (LOG-018), batching the lines of a burst into one write.
 *
 * **Details**: a line written when none was written since the event loop last went round goes
 * out at once, so a lone entry is on standard output when the logging call returns. The lines
 * that follow it in the same turn of the event loop (the request log of a busy server) are held
 * and written together when the turn ends, on `setImmediate`, or at once when too many pile up.
 * Held lines are also written when the process exits, whether by `process.exit`, the end of the
 * event loop or an uncaught exception: Node runs `exit` listeners in each case, and standard
 * output to files, pipes and terminals is written synchronously on Linux. Lines logged during
 * `exit` (by a later listener) are written at once. A held line can come out after a
 * `console.log` made later in the same turn.
 */
export function writeStdoutLine(line: string): void {
  if (held !== undefined && !exiting) {
    held.push(line);
    if (held.length >= MAX_HELD) {
      flushHeld();
      held = [];
    }
    return;
  }
  process.stdout.write(`${line}\n`);
  if (exiting) return;
  held = [];
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      exiting = true;
      flushHeld();
    });
  }
  // node:timers' own function: fake timers in tests replace the global one, and would hold the
  // lines until the test advanced its clock. Unreferenced, so that logging never keeps a process
  // alive: a `beforeExit` listener that logs would otherwise schedule work, which makes Node emit
  // `beforeExit` again, forever. A process that ends first writes what is held on `exit`.
  setImmediate(flushHeld).unref();
}
