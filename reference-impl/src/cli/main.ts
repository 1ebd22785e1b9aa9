#!/usr/bin/env node
/**
 * The `openstage` executable: runs {@link runCli} on the process's arguments and streams.
 */
import { runCli } from './runCli.js';

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
});

const serving = code === 0 && process.argv[2] === 'start';
if (!serving) {
  // Commands that serve nothing end here, even when a loaded package left a timer or a socket
  // behind; both streams are flushed first so no output is lost in a pipe.
  await Promise.all(
    [process.stdout, process.stderr].map(
      (stream) => new Promise<void>((resolve) => stream.write('', () => resolve())),
    ),
  );
  process.exit(code);
}
