import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UrlReaderFactory, UrlReaderService } from '@openstage/spec';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildUrlReaders } from './buildUrlReaders.js';
import { DefaultUrlReader } from './DefaultUrlReader.js';
import { createTestLogger } from '../rootLogger/createTestLogger.js';
import { configFromPaths } from '../../../test/helpers/configFromData.js';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}
const seen: Seen[] = [];
let server: Server;
let origin: string;
let otherOrigin: string;

const { logger } = createTestLogger();

function reader(allow: unknown[], factories: UrlReaderFactory[] = []): DefaultUrlReader {
  return new DefaultUrlReader(
    buildUrlReaders({
      config: configFromPaths({ 'backend.reading.allow': allow }),
      logger,
      factories,
    }),
  );
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const path = req.url ?? '';
    if (path === '/file.txt') {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res
        .writeHead(200, { etag: '"v1"', 'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT' })
        .end('hello');
    } else if (path === '/stubborn-etag') {
      res.writeHead(200, { etag: '"same"' }).end('ignored conditional');
    } else if (path === '/old') {
      res.writeHead(200, { 'last-modified': 'Wed, 01 Jan 2020 00:00:00 GMT' }).end('old');
    } else if (path === '/secret') {
      res.writeHead(200).end(String(req.headers.authorization));
    } else if (path === '/redirect-inside') {
      res.writeHead(302, { location: '/file.txt' }).end();
    } else if (path === '/redirect-outside') {
      res.writeHead(302, { location: `${otherOrigin}/file.txt` }).end();
    } else if (path === '/boom') {
      res.writeHead(500).end('nope');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  otherOrigin = `http://localhost:${port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
});

const allowLocal = () => [{ host: `127.0.0.1:${new URL(origin).port}` }];

describe('DefaultUrlReader with the plain HTTP reader', () => {
  it('URL-034, URL-035: a URL no reader accepts is NotAllowed, names the URL and config key, and sends no request', async () => {
    const r = reader([{ host: 'example.com' }]);
    for (const call of [
      () => r.readUrl(`${origin}/file.txt`),
      () => r.readTree(`${origin}/`),
      () => r.search(`${origin}/file.txt`),
    ]) {
      await expect(call()).rejects.toMatchObject({
        name: 'NotAllowedError',
        code: 'URL_NOT_ALLOWED',
        message: expect.stringMatching(
          new RegExp(`${origin}/file.txt|${origin}/.*backend\\.reading\\.allow`),
        ),
        configPath: 'backend.reading.allow',
      });
    }
    expect(seen).toHaveLength(0);
  });

  it('URL-012: a relative URL is an InputError without any request', async () => {
    await expect(reader(allowLocal()).readUrl('/file.txt')).rejects.toMatchObject({
      name: 'InputError',
      code: 'URL_INVALID_URL',
      url: '/file.txt',
    });
    expect(seen).toHaveLength(0);
  });

  it('URL-002, URL-003, URL-005, URL-067: readUrl returns the content, a matching stream, the etag and the modification time', async () => {
    const res = await reader(allowLocal()).readUrl(`${origin}/file.txt`);
    expect((await res.buffer()).toString()).toBe('hello');
    const chunks: Buffer[] = [];
    for await (const chunk of res.stream!() as AsyncIterable<Buffer>)
      chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString()).toBe('hello');
    expect(res.etag).toBe('"v1"');
    expect(res.lastModifiedAt?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('URL-006, URL-008, URL-061, URL-064: the etag is sent as If-None-Match; a 304 or equal etag is NotModified', async () => {
    const r = reader(allowLocal());
    await expect(r.readUrl(`${origin}/file.txt`, { etag: '"v1"' })).rejects.toMatchObject({
      name: 'NotModifiedError',
      code: 'URL_NOT_MODIFIED',
    });
    expect(seen[0]?.headers['if-none-match']).toBe('"v1"');
    await expect(r.readUrl(`${origin}/stubborn-etag`, { etag: '"same"' })).rejects.toMatchObject({
      code: 'URL_NOT_MODIFIED',
    });
    const changed = await r.readUrl(`${origin}/file.txt`, { etag: '"v0"' });
    expect((await changed.buffer()).toString()).toBe('hello');
  });

  it('URL-007, URL-062: lastModifiedAfter is sent as If-Modified-Since and an older resource is NotModified', async () => {
    const since = new Date('2024-06-01T00:00:00Z');
    await expect(
      reader(allowLocal()).readUrl(`${origin}/old`, { lastModifiedAfter: since }),
    ).rejects.toMatchObject({ code: 'URL_NOT_MODIFIED' });
    expect(seen[0]?.headers['if-modified-since']).toBe(since.toUTCString());
  });

  it('URL-063: the token is sent as a bearer token', async () => {
    const res = await reader(allowLocal()).readUrl(`${origin}/secret`, { token: 'abc' });
    expect((await res.buffer()).toString()).toBe('Bearer abc');
  });

  it('URL-009, URL-065, URL-066: 404 is NotFound and other statuses fail naming URL and status', async () => {
    const r = reader(allowLocal());
    await expect(r.readUrl(`${origin}/missing`)).rejects.toMatchObject({
      name: 'NotFoundError',
      code: 'URL_NOT_FOUND',
      message: expect.stringContaining(`${origin}/missing`),
    });
    await expect(r.readUrl(`${origin}/boom`)).rejects.toMatchObject({
      code: 'URL_READ_FAILED',
      status: 500,
      message: expect.stringMatching(/\/boom.*500/),
    });
  });

  it('URL-066: a failed connection is URL_READ_FAILED naming the URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const url = `http://127.0.0.1:${port}/x`;
    await expect(reader([{ host: `127.0.0.1:${port}` }]).readUrl(url)).rejects.toMatchObject({
      code: 'URL_READ_FAILED',
      url,
      // The network error itself, not only fetch's own 'fetch failed'.
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('URL-051: redirects are followed only to allowed URLs', async () => {
    const r = reader(allowLocal());
    expect((await (await r.readUrl(`${origin}/redirect-inside`)).buffer()).toString()).toBe(
      'hello',
    );
    seen.length = 0;
    await expect(r.readUrl(`${origin}/redirect-outside`)).rejects.toMatchObject({
      code: 'URL_NOT_ALLOWED',
    });
    expect(seen.map((s) => s.url)).toEqual(['/redirect-outside']);
  });

  it('URL-063: the token goes along a redirect within the origin, and not to another origin', async () => {
    const r = reader([...allowLocal(), { host: `localhost:${new URL(origin).port}` }]);
    await (await r.readUrl(`${origin}/redirect-inside`, { token: 'tok-in' })).buffer();
    await (await r.readUrl(`${origin}/redirect-outside`, { token: 'tok-out' })).buffer();
    expect(seen.map((s) => [s.headers.host, s.url, s.headers.authorization])).toEqual([
      [new URL(origin).host, '/redirect-inside', 'Bearer tok-in'],
      [new URL(origin).host, '/file.txt', 'Bearer tok-in'],
      [new URL(origin).host, '/redirect-outside', 'Bearer tok-out'],
      [new URL(otherOrigin).host, '/file.txt', undefined],
    ]);
  });

  it('URL-093, URL-098, URL-070: trees and glob searches need an archive; a plain search reads one file', async () => {
    const r = reader(allowLocal());
    // file.txt is no tar archive, and a glob without an archive segment before it has nothing to
    // search (the archive form itself is tested in FetchUrlReader.tree.test.ts).
    await expect(r.readTree(`${origin}/file.txt`)).rejects.toMatchObject({
      code: 'URL_UNSUPPORTED_OPERATION',
      message: expect.stringContaining(`${origin}/file.txt is not a tar archive`),
    });
    seen.length = 0;
    await expect(r.search(`${origin}/docs/*.md`)).rejects.toMatchObject({
      code: 'URL_UNSUPPORTED_OPERATION',
    });
    expect(seen).toHaveLength(0);
    const found = await r.search(`${origin}/file.txt`);
    expect(found.files.map((f) => f.url)).toEqual([`${origin}/file.txt`]);
    expect((await found.files[0]!.content()).toString()).toBe('hello');
    expect(found.etag).toBe('"v1"');
    expect((await r.search(`${origin}/missing`)).files).toEqual([]); // URL-028
    await expect(r.search(`${origin}/file.txt`, { etag: '"v1"' })).rejects.toMatchObject({
      code: 'URL_NOT_MODIFIED',
    }); // URL-029
  });
});

describe('custom readers', () => {
  const fake = (text: string): UrlReaderService => ({
    readUrl: async () => ({ buffer: async () => Buffer.from(text) }),
    readTree: async () => {
      throw new Error('unused');
    },
    search: async () => ({ files: [], etag: '' }),
  });

  it('URL-031, URL-032, URL-033, URL-072, URL-073: contributed readers come first, in registration order', async () => {
    const received: unknown[] = [];
    const first: UrlReaderFactory = (options) => {
      received.push(options);
      return [{ reader: fake('first'), predicate: (url) => url.pathname.startsWith('/custom') }];
    };
    const second: UrlReaderFactory = () => [{ reader: fake('second'), predicate: () => true }];
    const r = reader(allowLocal(), [first, second]);
    expect((await (await r.readUrl(`${origin}/custom/x`)).buffer()).toString()).toBe('first');
    expect((await (await r.readUrl(`${origin}/file.txt`)).buffer()).toString()).toBe('second');
    expect((await (await r.readUrl('file:///etc/passwd')).buffer()).toString()).toBe('second');
    expect(seen).toHaveLength(0);
    expect(received[0]).toMatchObject({ config: expect.anything(), logger });
    expect(received[0]).toHaveProperty('treeResponseFactory');
  });

  it('URL-074: a factory that throws or returns something else fails naming its position', () => {
    const good: UrlReaderFactory = () => [];
    const throws: UrlReaderFactory = () => {
      throw new Error('bad token');
    };
    const wrong = (() => ({ reader: fake('x') })) as unknown as UrlReaderFactory;
    expect(() => reader([], [good, throws])).toThrow(/#2 .*bad token/);
    expect(() => reader([], [wrong])).toThrow(/#1 .*\{ reader, predicate \}/);
  });
});
