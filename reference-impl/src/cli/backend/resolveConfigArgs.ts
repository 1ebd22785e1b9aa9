import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from '../CliError.js';

/** The `--config` values as rootConfig's `argv`, and whether any is a URL. */
export interface ConfigArgs {
  argv: string[];
  remote: boolean;
}

function isUrl(value: string): boolean {
  try {
    return new URL(value).host !== '';
  } catch {
    return false;
  }
}

/**
 * Turns the `--config` values into the arguments rootConfig reads, each file resolved against
 * `cwd`. A file that does not exist is refused here, with its name and where it was looked for,
 * before anything is loaded. Without `--config`, rootConfig reads `app-config.yaml` (and
 * `app-config.local.yaml`) of the current folder's workspace root.
 */
export function resolveConfigArgs(values: readonly string[], cwd: string): ConfigArgs {
  const argv: string[] = [];
  let remote = false;
  for (const value of values) {
    if (isUrl(value)) {
      remote = true;
      argv.push('--config', value);
      continue;
    }
    const file = resolve(cwd, value);
    if (!existsSync(file)) {
      throw new CliError(
        `Config file '${value}' does not exist (looked for ${file}). Pass an existing file to ` +
          `--config, or leave --config out to read app-config.yaml.`,
      );
    }
    argv.push('--config', file);
  }
  return { argv, remote };
}
