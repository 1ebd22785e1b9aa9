/** What a root logger under test wrote, through the suite's sink or to the standard streams. */
export interface CapturedOutput {
  /** The sink handed to the logger (`ServiceUnderTestOptions.output`). */
  write(line: string): void;
  /** Everything written so far, sink lines and stream chunks. */
  text(): string;
  /** Stops reading the standard streams. */
  restore(): void;
}

interface Writable {
  write: (...args: unknown[]) => boolean;
}

/**
 * The streams a logger that cannot redirect its output may write to: the process's standard
 * output and error, and the streams behind the global `console`, which a test runner may have
 * replaced with its own (console transports write to `console._stdout` when it exists).
 */
function standardStreams(): Writable[] {
  const streams = new Set<unknown>([process.stdout, process.stderr]);
  // `_stdout` and `_stderr` are Node's undocumented Console fields, which console transports use.
  const consoleStreams = console as unknown as { _stdout?: unknown; _stderr?: unknown };
  streams.add(consoleStreams._stdout);
  streams.add(consoleStreams._stderr);
  return [...streams].filter(
    (s): s is Writable => typeof (s as Writable | undefined)?.write === 'function',
  );
}

/**
 * Captures a root logger's output for one test: the lines it writes to the suite's sink, and,
 * for a logger that cannot redirect its output, what reaches the standard streams meanwhile
 * (passed through unchanged, so nothing is hidden from the person running the suite).
 */
export function captureOutput(): CapturedOutput {
  const chunks: string[] = [];
  const restores = standardStreams().map((stream) => {
    const original = stream.write;
    const own = Object.prototype.hasOwnProperty.call(stream, 'write');
    stream.write = function (this: unknown, chunk: unknown, ...rest: unknown[]) {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
      return original.call(this, chunk, ...rest);
    };
    return () => {
      if (own) stream.write = original;
      else delete (stream as Partial<Writable>).write;
    };
  });
  return {
    write: (line) => void chunks.push(`${line}\n`),
    text: () => chunks.join(''),
    restore: () => {
      for (const restore of restores) restore();
    },
  };
}
