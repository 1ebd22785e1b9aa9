import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../src/createBackend.js';
import type { Backend } from '../../src/runtime/index.js';
import type { BackendStartupResult } from '../../src/runtime/index.js';
import { rootConfigServiceFactory } from '../../src/services/rootConfig/index.js';

/** A started example backend on a free port, and how to reach and stop it. */
export interface StartedExampleBackend {
  backend: Backend;
  result: BackendStartupResult;
  baseUrl: string;
  /** A static external access token accepted by every plugin, with subject `example-tests`. */
  token: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
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

const TOKEN = 'example-tests-static-token-0123456789';

/**
 * Starts `createBackend()` with `features` on the example's embedded defaults (in-memory SQLite
 * and cache), listening on a free port of 127.0.0.1, with `extraYaml` lines appended to the
 * configuration.
 */
export async function startExampleBackend(
  features: Array<Parameters<Backend['add']>[0]>,
  extraYaml: string[] = [],
): Promise<StartedExampleBackend> {
  const dir = await mkdtemp(join(tmpdir(), 'openstage-example-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const configFile = join(dir, 'app-config.yaml');
  await writeFile(
    configFile,
    [
      'app: { baseUrl: "http://localhost:3000" }',
      'backend:',
      `  baseUrl: ${baseUrl}`,
      `  listen: { port: ${port}, host: 127.0.0.1 }`,
      "  database: { client: better-sqlite3, connection: ':memory:' }",
      '  cache: { store: memory }',
      '  auth:',
      '    externalAccess:',
      `      - { type: static, options: { token: ${TOKEN}, subject: example-tests } }`,
      ...extraYaml,
      '',
    ].join('\n'),
  );
  const backend = createBackend();
  backend.add(rootConfigServiceFactory({ argv: ['--config', configFile], watch: false }));
  for (const feature of features) backend.add(feature);
  const stop = async (): Promise<void> => {
    await backend.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const { result } = await backend.start();
    return { backend, result, baseUrl, token: TOKEN, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
