import type { ServerResponse } from 'node:http';
import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { deepEqual, ok } from '../../../harness/assert.js';
import type { TestContext } from '../../../harness/TestContext.js';
import { localServer } from '../http.js';
import { instance, serviceBackend } from '../serviceBackend.js';
import { call, mustReject } from '../serviceCall.js';
import { tarArchive } from './tarArchive.js';

const URL_READER = 'core.urlReader';
const MAX_ARCHIVE_BYTES = 256 * 1024;
const MAX_UNPACKED_BYTES = 1024 * 1024;

interface UrlReaderLike {
  readTree(url: string): Promise<{ files(): Promise<{ path: string }[]> }>;
  search(url: string): Promise<{ files: { url: string }[] }>;
}

/** 8 MiB of zero bytes in one file: about 8 KiB once gzipped. */
const BOMB = tarArchive([
  { type: 'file', path: 'zeros.bin', content: '\0'.repeat(8 * 1024 * 1024) },
]);
const SMALL = tarArchive([
  { type: 'file', path: 'docs/a.md', content: 'alpha' },
  { type: 'file', path: 'docs/b.md', content: 'beta' },
]);

/** Writes a body that never ends, honouring back pressure, until the client hangs up. */
async function endless(res: ServerResponse, progress: { bytes: number; closed: boolean }) {
  const closed = new Promise<void>((resolve) =>
    res.once('close', () => {
      progress.closed = true;
      resolve();
    }),
  );
  res.setHeader('content-type', 'application/gzip');
  const chunk = Buffer.alloc(64 * 1024, 7);
  while (!res.destroyed) {
    progress.bytes += chunk.length;
    if (!res.write(chunk))
      await Promise.race([new Promise((resolve) => res.once('drain', resolve)), closed]);
  }
}

async function limitedReader(ctx: TestContext) {
  const progress = { bytes: 0, closed: false };
  const server = await localServer((req, res) => {
    if (req.url === '/endless.tar.gz') void endless(res, progress);
    else if (req.url === '/bomb.tar.gz') res.end(BOMB);
    else if (req.url === '/small.tar.gz') res.end(SMALL);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  try {
    const sb = await serviceBackend(ctx, URL_READER, {
      config: {
        backend: {
          reading: {
            allow: [{ host: `127.0.0.1:${server.port}` }],
            maxArchiveBytes: MAX_ARCHIVE_BYTES,
            maxUnpackedBytes: MAX_UNPACKED_BYTES,
          },
        },
      },
      probes: [{ pluginId: 'reader', services: [URL_READER] }],
    });
    return { server, progress, reader: instance<UrlReaderLike>(sb, 'reader', URL_READER) };
  } catch (error) {
    await server.close();
    throw error;
  }
}

function namesAll(error: unknown, parts: readonly string[], what: string): void {
  const message = error instanceof Error ? error.message : String(error);
  for (const part of parts)
    ok(message.includes(part), `${what}: the error names ${part}: ${message}`);
}

/** The size limits of archives read by the plain HTTP reader (URL-099 to URL-102). */
export const archiveLimitTests: readonly ConformanceTest[] = [
  defineTest({
    id: 'service-url-reader/archive-size-limits',
    chapter: 'service-url-reader',
    service: URL_READER,
    profile: 'default',
    requirements: ['URL-099', 'URL-100', 'URL-101', 'URL-102'],
    description:
      'an archive body past backend.reading.maxArchiveBytes is refused without being read to its end, a small gzip that unpacks past backend.reading.maxUnpackedBytes is refused, and archives within both limits still read',
    timeoutMs: 15000,
    async run(ctx) {
      const { server, progress, reader } = await limitedReader(ctx);
      try {
        const endlessUrl = `${server.url}/endless.tar.gz`;
        const tooLong = await mustReject('readTree of an endless archive body (URL-099)', () =>
          reader.readTree(endlessUrl),
        );
        namesAll(
          tooLong,
          [endlessUrl, String(MAX_ARCHIVE_BYTES), 'backend.reading.maxArchiveBytes'],
          'readTree of an endless archive body (URL-099)',
        );
        for (let waited = 0; !progress.closed && waited < 5000; waited += 50)
          await new Promise((resolve) => setTimeout(resolve, 50));
        ok(progress.closed, 'the reader stopped reading the endless body (URL-100)');

        const bombUrl = `${server.url}/bomb.tar.gz`;
        const bomb = await mustReject('readTree of an 8 MiB file in an 8 KiB gzip (URL-101)', () =>
          reader.readTree(bombUrl),
        );
        namesAll(
          bomb,
          [bombUrl, String(MAX_UNPACKED_BYTES), 'backend.reading.maxUnpackedBytes'],
          'readTree of an archive that unpacks past the limit (URL-101)',
        );
        await mustReject('search of an archive that unpacks past the limit (URL-101)', () =>
          reader.search(`${bombUrl}/**`),
        );

        const tree = await call(() => reader.readTree(`${server.url}/small.tar.gz/docs`));
        const files = await call(() => tree.files());
        deepEqual(
          files.map((file) => file.path).sort(),
          ['a.md', 'b.md'],
          'paths of a tree within both limits',
        );
      } finally {
        await server.close();
      }
    },
  }),
];
