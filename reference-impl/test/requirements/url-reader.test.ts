import { mkdtemp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendFeature, JsonObject, UrlReaderService } from '@openstage/spec';
import { create as createTar } from 'tar';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackendPlugin } from '../../src/index.js';
import { urlReaderServiceFactory } from '../../src/services/urlReader/urlReaderServiceFactory.js';
import { coreServiceRefs as core } from '../../src/testing/coreServiceRefs.js';
import { mockServices } from '../../src/testing/mockServices.js';
import { startTestBackend } from '../../src/testing/startTestBackend.js';
import { bytesOf, closeServer, listenOnLoopback } from '../helpers/loopbackServer.js';

const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
const cleanup: string[] = [];
let server: Server;
let origin: string;
let siteTarGz: Buffer;

beforeAll(async () => {
  const source = await mkdtemp(join(tmpdir(), 'openstage-url-req-src-'));
  cleanup.push(source);
  await mkdir(join(source, 'docs'));
  await writeFile(join(source, 'docs', 'a.md'), 'alpha');
  await writeFile(join(source, 'README.md'), '# hi');
  siteTarGz = await bytesOf(
    createTar({ cwd: source, gzip: true, portable: true }, ['.']) as AsyncIterable<Uint8Array>,
  );
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/site.tar.gz') res.writeHead(200, { etag: '"v1"' }).end(siteTarGz);
    else if (req.url === '/file.txt') res.writeHead(200).end('plain');
    else res.writeHead(404).end();
  });
  origin = await listenOnLoopback(server);
});
afterAll(async () => {
  await closeServer(server);
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});
beforeEach(() => {
  seen.length = 0;
});

/** A test backend whose plugin hands out the default urlReader service. */
async function backendWithReader(data: JsonObject) {
  let reader!: UrlReaderService;
  const plugin = createBackendPlugin({
    pluginId: 'reader',
    register(reg) {
      reg.registerInit({
        deps: { urlReader: core.urlReader },
        async init({ urlReader }: { urlReader: UrlReaderService }) {
          reader = urlReader;
        },
      });
    },
  }) as unknown as BackendFeature;
  const backend = await startTestBackend({
    features: [urlReaderServiceFactory, mockServices.rootConfig.factory({ data }), plugin],
  });
  return { backend, reader };
}

const allow = () => ({ backend: { reading: { allow: [{ host: new URL(origin).host }] } } });

describe('urlReader', () => {
  it('URL-010: options.token authenticates readUrl, readTree and search requests', async () => {
    const { backend, reader } = await backendWithReader(allow());
    try {
      await (await reader.readUrl(`${origin}/file.txt`, { token: 'tok-1' })).buffer();
      await reader.readTree(`${origin}/site.tar.gz`, { token: 'tok-2' });
      await reader.search(`${origin}/site.tar.gz/docs/*.md`, { token: 'tok-3' });
      await (await reader.readUrl(`${origin}/file.txt`)).buffer();
    } finally {
      await backend.stop();
    }
    expect(seen.map((s) => [s.url, s.headers.authorization])).toEqual([
      ['/file.txt', 'Bearer tok-1'],
      ['/site.tar.gz', 'Bearer tok-2'],
      ['/site.tar.gz', 'Bearer tok-3'],
      ['/file.txt', undefined],
    ]);
  });

  it('URL-023: a directory dir() returned is left in place, also after the backend stopped', async () => {
    const work = await mkdtemp(join(tmpdir(), 'openstage-url-req-work-'));
    cleanup.push(work);
    const { backend, reader } = await backendWithReader({
      ...allow(),
      backend: { ...allow().backend, workingDirectory: work },
    });
    let dirs: string[];
    try {
      dirs = [];
      for (let i = 0; i < 2; i++) {
        const tree = await reader.readTree(`${origin}/site.tar.gz`);
        dirs.push(await tree.dir());
      }
      // More reads and a pause give a cleanup on later calls or on a timer the chance to show.
      await reader.readTree(`${origin}/site.tar.gz`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await backend.stop();
    }
    for (const dir of dirs) {
      expect((await stat(dir)).isDirectory()).toBe(true);
      expect((await readdir(dir, { recursive: true })).sort()).toEqual([
        'README.md',
        'docs',
        'docs/a.md',
      ]);
    }
  });
});
