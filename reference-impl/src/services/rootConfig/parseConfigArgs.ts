import { resolve } from 'node:path';

/** A source named by a `--config` argument. */
export type ConfigTarget = { type: 'file'; path: string } | { type: 'url'; url: string };

/**
 * Reads the `--config <path>` and `--config=<path>` arguments of `argv`, in order (CONF-006,
 * CONF-007). Relative paths are resolved against `cwd` (CONF-008); a value that parses as a URL
 * with a host is a remote source (CONF-015).
 */
export function parseConfigArgs(argv: ReadonlyArray<string>, cwd: string): ConfigTarget[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--config') {
      const next = argv[i + 1];
      if (next !== undefined) values.push(next);
      i++;
    } else if (arg.startsWith('--config=')) {
      values.push(arg.slice('--config='.length));
    }
  }
  return values.map((value) =>
    isRemote(value) ? { type: 'url', url: value } : { type: 'file', path: resolve(cwd, value) },
  );
}

function isRemote(value: string): boolean {
  try {
    return new URL(value).host !== '';
  } catch {
    return false;
  }
}
