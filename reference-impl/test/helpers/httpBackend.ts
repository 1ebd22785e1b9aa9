import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../src/createBackend.js';
import type { Backend } from '../../src/runtime/createSpecializedBackend.js';
import { rootConfigServiceFactory } from '../../src/services/rootConfig/index.js';

/** A port on 127.0.0.1 that was free a moment ago (the OS picks it, then it is released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** A config file written by {@link writeHttpConfigFile}, and where it serves. */
export interface HttpConfigFile {
  /** The temporary folder holding the file; {@link HttpConfigFile.remove} deletes it. */
  readonly dir: string;
  readonly configFile: string;
  readonly port: number;
  /** `http://127.0.0.1:<port>`, also the file's `backend.baseUrl`. */
  readonly baseUrl: string;
  remove(): Promise<void>;
}

/**
 * Writes `app-config.yaml` into a new temporary folder (named with `prefix`) for a backend that
 * listens on a free port of 127.0.0.1 with an in-memory SQLite database. `extraYaml` lines are
 * appended as they are, so an indented line continues the `backend` block.
 */
export async function writeHttpConfigFile(
  prefix: string,
  extraYaml: string[] = [],
): Promise<HttpConfigFile> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const configFile = join(dir, 'app-config.yaml');
  await writeFile(
    configFile,
    [
      'app:',
      '  baseUrl: http://localhost:3000',
      'backend:',
      `  baseUrl: ${baseUrl}`,
      '  listen:',
      `    port: ${port}`,
      '    host: 127.0.0.1',
      '  database:',
      '    client: better-sqlite3',
      "    connection: ':memory:'",
      ...extraYaml,
      '',
    ].join('\n'),
  );
  return {
    dir,
    configFile,
    port,
    baseUrl,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** `createBackend()` with its default services, reading `configFile` (watched when `watch`). */
export function createBackendOn(configFile: string, watch = false): Backend {
  const backend = createBackend();
  backend.add(
    rootConfigServiceFactory({ argv: ['--config', configFile], watch, watchDebounceMs: 10 }),
  );
  return backend;
}
