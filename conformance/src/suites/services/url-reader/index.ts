import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { equal, ok, rejects } from '../../../harness/assert.js';
import { localServer } from '../http.js';
import { instance, serviceBackend } from '../serviceBackend.js';
import { call } from '../serviceCall.js';
import { archiveLimitTests } from './archiveLimitTests.js';
import { archiveTests } from './archiveTests.js';

const URL_READER = 'core.urlReader';

interface UrlReaderLike {
  readUrl(
    url: string,
    options?: { etag?: string },
  ): Promise<{ buffer(): Promise<Buffer>; etag?: string }>;
}

/** A server answering `/file` with a fixed body and ETag, and 304 to a matching If-None-Match. */
function serveFile() {
  return localServer((req, res) => {
    if (req.url !== '/file') {
      res.statusCode = 404;
      res.end();
    } else if (req.headers['if-none-match'] === '"v1"') {
      res.statusCode = 304;
      res.end();
    } else {
      res.setHeader('etag', '"v1"');
      res.end('conformance content');
    }
  });
}

const urlReaderTest = (test: Omit<ConformanceTest, 'chapter' | 'service'>): ConformanceTest =>
  defineTest({ ...test, chapter: 'service-url-reader', service: URL_READER });

/** The contract suite of `core.urlReader`, against a local HTTP server. */
export const urlReaderTests: readonly ConformanceTest[] = [
  urlReaderTest({
    id: 'service-url-reader/not-allowed-without-request',
    requirements: ['URL-034', 'URL-035'],
    description:
      'a URL no reader accepts, or a relative URL, is refused without sending any request',
    timeoutMs: 5000,
    async run(ctx) {
      const server = await serveFile();
      try {
        const sb = await serviceBackend(ctx, URL_READER, {
          probes: [{ pluginId: 'reader', services: [URL_READER] }],
        });
        const reader = instance<UrlReaderLike>(sb, 'reader', URL_READER);
        const url = `${server.url}/file`;
        const error = await rejects('service', () => call(() => reader.readUrl(url)));
        ok(
          error instanceof Error && error.name === 'NotAllowedError',
          `expected a NotAllowedError for ${url}, received ${String(error)}`,
        );
        ok(error.message.includes(url), `expected the error to name ${url}: ${error.message}`);
        await rejects('service', () => call(() => reader.readUrl('/relative/file')));
        equal(server.requests.length, 0, 'requests the server received');
      } finally {
        await server.close();
      }
    },
  }),
  urlReaderTest({
    id: 'service-url-reader/etag-not-modified',
    requirements: ['URL-002', 'URL-005', 'URL-006', 'URL-008', 'URL-061', 'URL-064'],
    description:
      'an allowed URL is read with its ETag; the same ETag gives NotModifiedError, another one the content',
    timeoutMs: 5000,
    async run(ctx) {
      const server = await serveFile();
      try {
        const sb = await serviceBackend(ctx, URL_READER, {
          config: { backend: { reading: { allow: [{ host: `127.0.0.1:${server.port}` }] } } },
          probes: [{ pluginId: 'reader', services: [URL_READER] }],
        });
        const reader = instance<UrlReaderLike>(sb, 'reader', URL_READER);
        const url = `${server.url}/file`;
        const first = await call(() => reader.readUrl(url));
        equal((await call(() => first.buffer())).toString(), 'conformance content', 'content');
        equal(first.etag, '"v1"', 'etag of the result');
        const error = await rejects('service', () =>
          call(() => reader.readUrl(url, { etag: '"v1"' })),
        );
        ok(
          error instanceof Error && error.name === 'NotModifiedError',
          `expected a NotModifiedError, received ${String(error)}`,
        );
        equal(server.requests.at(-1)?.headers['if-none-match'], '"v1"', 'If-None-Match sent');
        const changed = await call(() => reader.readUrl(url, { etag: '"v0"' }));
        equal((await call(() => changed.buffer())).toString(), 'conformance content', 'content');
      } finally {
        await server.close();
      }
    },
  }),
  ...archiveTests,
  ...archiveLimitTests,
];
