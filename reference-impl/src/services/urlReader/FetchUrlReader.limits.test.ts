import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BackendFeature, JsonObject, UrlReaderService } from '@openstage/spec';
import { Header } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendPlugin } from '../../authoring/createBackendPlugin.js';
import { coreServiceRefs as core } from '../../testing/coreServiceRefs.js';
import { mockServices } from '../../testing/mockServices.js';
import { startTestBackend } from '../../testing/startTestBackend.js';
import { ConfigSchemaValidator } from '../rootConfig/ConfigSchemaValidator.js';
import { loadSpecSchemas } from '../rootConfig/loadSpecSchemas.js';
import { createTestLogger } from '../rootLogger/createTestLogger.js';
import { buildUrlReaders } from './buildUrlReaders.js';
import { DefaultUrlReader } from './DefaultUrlReader.js';
import { isUrlReaderError } from './UrlReaderError.js';
import { urlReaderServiceFactory } from './urlReaderServiceFactory.js';
import { configFromPaths } from '../../../test/helpers/configFromData.js';

const KIB = 1024;
const MIB = 1024 * KIB;

const cleanup: string[] = [];
/**
 * Per request path: the bytes the server handed to the socket, whether it wrote them all, and
 * whether the response closed (the reader hung up or the body ended).
 */
const sent = new Map<string, { bytes: number; finished: boolean; closed: boolean }>();
let server: Server;
let origin: string;
let zeroBombTarGz: Buffer;
let manyFilesTarGz: Buffer;
let smallTarGz: Buffer;
let hugeHeaderTarGz: Buffer;

const { logger } = createTestLogger();

/** A tar stream: each file's header, its content padded to 512 bytes, then two zero blocks. */
function tarOf(files: ReadonlyArray<{ path: string; content: Buffer; declaredSize?: number }>) {
  const parts: Buffer[] = [];
  for (const file of files) {
    const header = Buffer.alloc(512);
    new Header({
      path: file.path,
      type: 'File',
      size: file.declaredSize ?? file.content.length,
      mode: 0o644,
      mtime: new Date(0),
    }).encode(header, 0);
    parts.push(header, file.content, Buffer.alloc((512 - (file.content.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** Writes `chunk` over and over, respecting back pressure, until `total` bytes or a closed socket. */
async function stream(res: ServerResponse, path: string, total: number): Promise<void> {
  const record = { bytes: 0, finished: false, closed: false };
  sent.set(path, record);
  const closed = new Promise<void>((resolve) =>
    res.once('close', () => {
      record.closed = true;
      resolve();
    }),
  );
  const chunk = Buffer.alloc(64 * KIB, 7);
  while (record.bytes < total && !res.destroyed) {
    const ok = res.write(chunk);
    record.bytes += chunk.length;
    if (!ok) await Promise.race([new Promise((resolve) => res.once('drain', resolve)), closed]);
  }
  if (!res.destroyed) {
    record.finished = true;
    res.end();
  }
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'openstage-limits-test-'));
  cleanup.push(dir);
  return dir;
}

function reader(limits: Record<string, unknown>, workingDirectory?: string): DefaultUrlReader {
  const config = configFromPaths({
    'backend.reading.allow': [{ host: new URL(origin).host }],
    ...Object.fromEntries(
      Object.entries(limits).map(([key, value]) => [`backend.reading.${key}`, value]),
    ),
    ...(workingDirectory === undefined ? {} : { 'backend.workingDirectory': workingDirectory }),
  });
  return new DefaultUrlReader(buildUrlReaders({ config, logger, factories: [] }));
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('expected the call to reject');
  return error;
}

beforeAll(async () => {
  // 16 MiB of zeros in one file: about 16 KiB on the wire once gzipped.
  zeroBombTarGz = gzipSync(tarOf([{ path: 'zeros.bin', content: Buffer.alloc(16 * MIB) }]));
  // Each file alone is under the limit used below; together they are over it.
  manyFilesTarGz = gzipSync(
    tarOf(
      Array.from({ length: 12 }, (_, i) => ({
        path: `part-${i}.bin`,
        content: Buffer.alloc(100 * KIB, i),
      })),
    ),
  );
  smallTarGz = gzipSync(
    tarOf([
      { path: 'docs/a.md', content: Buffer.from('alpha') },
      { path: 'docs/b.md', content: Buffer.from('beta') },
    ]),
  );
  // A header that claims a 1 GiB file followed by 1 MiB of its content: the tail of a bomb that
  // would take the default limit (512 MiB) to catch, small on the wire.
  hugeHeaderTarGz = gzipSync(
    Buffer.concat([
      tarOf([{ path: 'huge.bin', content: Buffer.alloc(0), declaredSize: 1024 * MIB }]).subarray(
        0,
        512,
      ),
      Buffer.alloc(MIB),
    ]),
  );

  server = createServer((req, res) => {
    const path = req.url ?? '';
    if (path === '/endless.tar.gz') {
      // No Content-Length: only counting the bytes can stop the reader.
      res.writeHead(200, { 'content-type': 'application/gzip' });
      void stream(res, path, Number.POSITIVE_INFINITY);
    } else if (path === '/declared.tar') {
      res.writeHead(200, { 'content-length': String(32 * MIB) });
      void stream(res, path, 32 * MIB);
    } else if (path === '/zeros.tar.gz') {
      res.writeHead(200).end(zeroBombTarGz);
    } else if (path === '/many.tar.gz') {
      res.writeHead(200).end(manyFilesTarGz);
    } else if (path === '/small.tar.gz') {
      res.writeHead(200, { etag: '"small"' }).end(smallTarGz);
    } else if (path === '/huge.tar.gz') {
      res.writeHead(200).end(hugeHeaderTarGz);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('archive size limits of the plain HTTP reader', () => {
  it('URL-099, URL-100: an endless archive body is refused once it passes maxArchiveBytes, and not read on', async () => {
    const url = `${origin}/endless.tar.gz/docs`;
    const error = await rejection(reader({ maxArchiveBytes: 256 * KIB }).readTree(url));
    expect(isUrlReaderError(error, 'URL_ARCHIVE_TOO_LARGE')).toBe(true);
    expect(error.name).toBe('InputError');
    expect(error.message).toContain(url);
    expect(error.message).toContain(`${origin}/endless.tar.gz`);
    expect(error.message).toContain('262144 bytes on the wire');
    expect(error.message).toContain('backend.reading.maxArchiveBytes');
    // The reader hung up; the server got rid of no more than socket buffers hold.
    await expect.poll(() => sent.get('/endless.tar.gz')?.closed).toBe(true);
    expect(sent.get('/endless.tar.gz')!.bytes).toBeLessThan(16 * MIB);
  });

  it('URL-103: unset, maxArchiveBytes is 64 MiB: an endless body is cut off there', async () => {
    const error = await rejection(reader({}).readTree(`${origin}/endless.tar.gz`));
    expect(isUrlReaderError(error, 'URL_ARCHIVE_TOO_LARGE')).toBe(true);
    expect(error.message).toContain(`${64 * MIB} bytes on the wire`);
    await expect.poll(() => sent.get('/endless.tar.gz')?.closed).toBe(true);
    const { bytes } = sent.get('/endless.tar.gz')!;
    expect(bytes).toBeGreaterThan(64 * MIB);
    expect(bytes).toBeLessThan(80 * MIB);
  });

  it('URL-099, URL-100: a Content-Length over the limit is refused before the body is read, for search too', async () => {
    const error = await rejection(
      reader({ maxArchiveBytes: MIB }).search(`${origin}/declared.tar/**/*.md`),
    );
    expect(isUrlReaderError(error, 'URL_ARCHIVE_TOO_LARGE')).toBe(true);
    expect(error.message).toContain('1048576 bytes on the wire');
    await expect.poll(() => sent.get('/declared.tar')?.closed).toBe(true);
    expect(sent.get('/declared.tar')!.finished).toBe(false);
    expect(sent.get('/declared.tar')!.bytes).toBeLessThan(16 * MIB);
  });

  it('URL-101, URL-102: a small gzip that unpacks past maxUnpackedBytes is refused, and dir() never writes', async () => {
    expect(zeroBombTarGz.length).toBeLessThan(64 * KIB); // tiny on the wire
    const workingDirectory = await tempDir();
    const limited = reader({ maxUnpackedBytes: 4 * MIB }, workingDirectory);
    const url = `${origin}/zeros.tar.gz`;
    const error = await rejection(limited.readTree(url));
    expect(isUrlReaderError(error, 'URL_ARCHIVE_TOO_LARGE')).toBe(true);
    expect(error.message).toContain(url);
    expect(error.message).toContain('4194304 bytes unpacked');
    expect(error.message).toContain('raise backend.reading.maxUnpackedBytes');
    // No tree came back, so no dir() could run: the working directory is as empty as before.
    expect(await readdir(workingDirectory)).toEqual([]);
    const searched = await rejection(limited.search(`${url}/**`));
    expect(isUrlReaderError(searched, 'URL_ARCHIVE_TOO_LARGE')).toBe(true);
  });

  it('URL-101: files that are each under maxUnpackedBytes but together over it are refused', async () => {
    const error = await rejection(
      reader({ maxUnpackedBytes: MIB }).readTree(`${origin}/many.tar.gz`),
    );
    expect(isUrlReaderError(error, 'URL_ARCHIVE_TOO_LARGE')).toBe(true);
    // 1200 KiB in all: the same archive is fine under a limit that holds it.
    const tree = await reader({ maxUnpackedBytes: 1200 * KIB }).readTree(`${origin}/many.tar.gz`);
    expect(await tree.files()).toHaveLength(12);
  });

  it('URL-101, URL-104: under the default limits, a header declaring 1 GiB is refused without unpacking it', async () => {
    const started = performance.now();
    const error = await rejection(reader({}).readTree(`${origin}/huge.tar.gz`));
    expect(isUrlReaderError(error, 'URL_ARCHIVE_TOO_LARGE')).toBe(true);
    expect(error.message).toContain(`${512 * MIB} bytes unpacked`);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('URL-099, URL-101: archives within the limits still read, a limit equal to the size included', async () => {
    const limited = reader({ maxArchiveBytes: smallTarGz.length, maxUnpackedBytes: 9 });
    const tree = await limited.readTree(`${origin}/small.tar.gz/docs`);
    expect(tree.etag).toBe('"small"');
    const files = await tree.files();
    expect(
      Object.fromEntries(
        await Promise.all(files.map(async (f) => [f.path, String(await f.content())] as const)),
      ),
    ).toEqual({ 'a.md': 'alpha', 'b.md': 'beta' });
    const dir = await tree.dir({ targetDir: await tempDir() });
    expect((await readdir(dir)).sort()).toEqual(['a.md', 'b.md']);
    const found = await limited.search(`${origin}/small.tar.gz/**/a.md`);
    expect(found.files.map((f) => f.url)).toEqual([`${origin}/small.tar.gz/docs/a.md`]);
    const over = await rejection(
      reader({ maxArchiveBytes: smallTarGz.length - 1 }).readTree(`${origin}/small.tar.gz`),
    );
    expect(isUrlReaderError(over, 'URL_ARCHIVE_TOO_LARGE')).toBe(true);
  });

  it('URL-105: a limit that is not a positive integer fails building the readers, naming the key', () => {
    for (const [key, value] of [
      ['maxArchiveBytes', '64MiB'],
      ['maxArchiveBytes', 0],
      ['maxUnpackedBytes', -1],
      ['maxUnpackedBytes', 1.5],
    ] as const) {
      let caught: unknown;
      try {
        reader({ [key]: value });
      } catch (error) {
        caught = error;
      }
      expect(isUrlReaderError(caught, 'URL_INVALID_ARCHIVE_LIMIT'), `${key}=${value}`).toBe(true);
      expect((caught as Error).message).toContain(`backend.reading.${key} is set to`);
      expect((caught as Error).message).toContain('positive whole number of bytes');
    }
  });

  it('URL-105: the spec schema accepts positive integer limits and rejects others, naming the path', async () => {
    const validator = ConfigSchemaValidator.create([await loadSpecSchemas()]);
    const problems = (reading: JsonObject) =>
      validator
        .validate({ backend: { baseUrl: 'http://localhost:7007', reading } })
        .problems.map((problem) => problem.path);
    expect(problems({ maxArchiveBytes: 1, maxUnpackedBytes: 1024 * MIB })).toEqual([]);
    expect(problems({ maxArchiveBytes: '64MiB', maxUnpackedBytes: 0 })).toEqual([
      'backend.reading.maxArchiveBytes',
      'backend.reading.maxUnpackedBytes',
    ]);
    expect(problems({ maxUnpackedBytes: 1.5 })).toEqual(['backend.reading.maxUnpackedBytes']);
  });

  it('URL-105: a bad limit fails backend startup, naming the config path', async () => {
    const plugin = createBackendPlugin({
      pluginId: 'reader',
      register(reg) {
        reg.registerInit({
          deps: { urlReader: core.urlReader },
          async init({ urlReader }: { urlReader: UrlReaderService }) {
            void urlReader;
          },
        });
      },
    }) as unknown as BackendFeature;
    const started = startTestBackend({
      features: [
        urlReaderServiceFactory,
        mockServices.rootConfig.factory({
          data: { backend: { reading: { maxUnpackedBytes: 'lots' } } },
        }),
        plugin,
      ],
    });
    const error = await rejection(started);
    expect(error.message).toContain(
      "backend.reading.maxUnpackedBytes is set to 'lots', which is not a positive whole number",
    );
    expect(error.message).toContain('URL_INVALID_ARCHIVE_LIMIT');
  });
});
