import { writeSync } from 'node:fs';

/** File descriptor 3: the pipe a benchmark child reports its measurements on. */
const REPORT_FD = 3;

/**
 * Sends one message to the harness. Written synchronously on a plain file descriptor, so that
 * reporting opens no handle that could keep the process alive (the shutdown scenario depends
 * on the process exiting by itself).
 */
export function report(message: Record<string, unknown>): void {
  writeSync(REPORT_FD, `${JSON.stringify(message)}\n`);
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
