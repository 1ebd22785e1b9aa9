import type { CliIo } from '../../../src/cli/CliIo.js';

/** A `CliIo` for `cwd` that keeps what the command writes. */
export function captureIo(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    cwd,
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    stdout: () => out,
    stderr: () => err,
  };
}
