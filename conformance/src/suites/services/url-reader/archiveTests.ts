import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { deepEqual, equal, ok } from '../../../harness/assert.js';
import type { TestContext } from '../../../harness/TestContext.js';
import { localServer } from '../http.js';
import { instance, serviceBackend } from '../serviceBackend.js';
import { call, mustReject } from '../serviceCall.js';
import { tarArchive } from './tarArchive.js';

const URL_READER = 'core.urlReader';
const ETAG = '"tree-v1"';

interface TreeFile {
  path: string;
  content(): Promise<Buffer>;
}
interface UrlReaderLike {
  readTree(
    url: string,
    options?: { etag?: string },
  ): Promise<{ files(): Promise<TreeFile[]>; etag: string }>;
  search(
    url: string,
    options?: { etag?: string },
  ): Promise<{ files: { url: string; content(): Promise<Buffer> }[]; etag: string }>;
}

/** The archive every test serves: regular files, directories and a symbolic link. */
const ARCHIVE = tarArchive([
  { type: 'directory', path: 'repo/' },
  { type: 'file', path: 'repo/readme.md', content: 'readme' },
  { type: 'directory', path: 'repo/docs/' },
  { type: 'file', path: 'repo/docs/a.md', content: 'alpha' },
  { type: 'file', path: 'repo/docs/notes.txt', content: 'notes' },
  { type: 'directory', path: 'repo/docs/sub/' },
  { type: 'file', path: 'repo/docs/sub/b.md', content: 'beta' },
  { type: 'symlink', path: 'repo/docs/link.md', target: 'a.md' },
]);

/**
 * A server with `/repo.tar.gz` (the archive, with an ETag and 304 to a matching
 * If-None-Match) and `/broken.tar` (bytes that are no archive), and a reader allowed to read it.
 */
async function archiveReader(ctx: TestContext) {
  const server = await localServer((req, res) => {
    if (req.url === '/repo.tar.gz') {
      if (req.headers['if-none-match'] === ETAG) {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.setHeader('etag', ETAG);
      res.setHeader('content-type', 'application/gzip');
      res.end(ARCHIVE);
    } else if (req.url === '/broken.tar') {
      res.end('this is not a tar archive at all');
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  try {
    const sb = await serviceBackend(ctx, URL_READER, {
      config: { backend: { reading: { allow: [{ host: `127.0.0.1:${server.port}` }] } } },
      probes: [{ pluginId: 'reader', services: [URL_READER] }],
    });
    return { server, reader: instance<UrlReaderLike>(sb, 'reader', URL_READER) };
  } catch (error) {
    await server.close();
    throw error;
  }
}

function isNotModified(error: unknown, what: string): void {
  ok(
    error instanceof Error && error.name === 'NotModifiedError',
    `${what}: expected a NotModifiedError, received ${String(error)}`,
  );
}

const urlReaderTest = (test: Omit<ConformanceTest, 'chapter' | 'service'>): ConformanceTest =>
  defineTest({ ...test, chapter: 'service-url-reader', service: URL_READER, profile: 'default' });

/** readTree and search of the plain HTTP reader on tar archives (URL-091 to URL-098). */
export const archiveTests: readonly ConformanceTest[] = [
  urlReaderTest({
    id: 'service-url-reader/read-tree-archive',
    requirements: ['URL-091', 'URL-092', 'URL-094', 'URL-095'],
    description:
      'readTree of <archive>.tar.gz/<dir> resolves to the regular files under <dir>, with the ETag of the archive; that ETag gives NotModifiedError',
    timeoutMs: 8000,
    async run(ctx) {
      const { server, reader } = await archiveReader(ctx);
      try {
        const url = `${server.url}/repo.tar.gz/repo/docs`;
        const tree = await call(() => reader.readTree(url));
        const files = await call(() => tree.files());
        const contents: Record<string, string> = {};
        for (const file of files)
          contents[file.path] = (await call(() => file.content())).toString('utf8');
        deepEqual(
          Object.keys(contents).sort(),
          ['a.md', 'notes.txt', 'sub/b.md'],
          'paths of the tree, relative to repo/docs, regular files only (URL-092)',
        );
        equal(contents['sub/b.md'], 'beta', 'content of sub/b.md');
        equal(contents['a.md'], 'alpha', 'content of a.md');
        equal(tree.etag, ETAG, 'etag of the tree: the ETag of the archive (URL-094)');
        isNotModified(
          await mustReject('readTree with the current etag (URL-095)', () =>
            reader.readTree(url, { etag: ETAG }),
          ),
          'readTree with the current etag (URL-095)',
        );
      } finally {
        await server.close();
      }
    },
  }),
  urlReaderTest({
    id: 'service-url-reader/search-archive',
    requirements: ['URL-091', 'URL-093', 'URL-096', 'URL-097', 'URL-098'],
    description:
      'search of <archive>.tar.gz/<glob> finds the matching files with their archive URLs; a glob without an archive, or bytes that are no archive, are refused',
    timeoutMs: 8000,
    async run(ctx) {
      const { server, reader } = await archiveReader(ctx);
      try {
        const archiveUrl = `${server.url}/repo.tar.gz`;
        const found = await call(() => reader.search(`${archiveUrl}/repo/**/*.md`));
        deepEqual(
          found.files.map((f) => f.url).sort(),
          ['repo/docs/a.md', 'repo/docs/sub/b.md', 'repo/readme.md'].map(
            (path) => `${archiveUrl}/${path}`,
          ),
          'urls of the files matching repo/**/*.md (URL-096, URL-097)',
        );
        const b = found.files.find((f) => f.url.endsWith('/sub/b.md'));
        equal(b && (await call(() => b.content())).toString('utf8'), 'beta', 'content of b.md');
        const narrow = await call(() => reader.search(`${archiveUrl}/repo/docs/{[ab],notes}.*`));
        deepEqual(
          narrow.files.map((f) => f.url).sort(),
          [`${archiveUrl}/repo/docs/a.md`, `${archiveUrl}/repo/docs/notes.txt`],
          'urls of the files matching repo/docs/{[ab],notes}.* (URL-096)',
        );
        const before = server.requests.length;
        await mustReject('search of a glob without an archive segment (URL-098)', () =>
          reader.search(`${server.url}/plain/*.md`),
        );
        equal(server.requests.length, before, 'requests sent for a glob without an archive');
        const brokenUrl = `${server.url}/broken.tar`;
        const broken = await mustReject('readTree of bytes that are no archive (URL-093)', () =>
          reader.readTree(brokenUrl),
        );
        ok(
          broken instanceof Error && broken.message.includes(brokenUrl),
          `the error names ${brokenUrl} (URL-093): ${String(broken)}`,
        );
      } finally {
        await server.close();
      }
    },
  }),
];
