import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { UrlReaderFactory, UrlReaderServiceReadTreeResponse } from '@openstage/spec';
import { create as createTar, Header } from 'tar';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildUrlReaders } from './buildUrlReaders.js';
import { DefaultUrlReader } from './DefaultUrlReader.js';
import { createTestLogger } from '../rootLogger/createTestLogger.js';
import { compileGlob } from './tree/compileGlob.js';
import { readTarArchive } from './tree/readTarArchive.js';
import { createTreeResponseFactory, type TreeResponseFactory } from './tree/TreeResponseFactory.js';
import { writeTarArchive } from './tree/writeTarArchive.js';
import { configFromPaths } from '../../../test/helpers/configFromData.js';
import { bytesOf, closeServer, listenOnLoopback } from '../../../test/helpers/loopbackServer.js';

const SITE = {
  'README.md': '# Site',
  'docs/a.md': 'alpha',
  'docs/sub/b.md': 'beta',
  'docs/c.txt': 'gamma',
};

const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
const cleanup: string[] = [];
let server: Server;
let origin: string;
let siteTarGz: Buffer;
let plainTar: Buffer;
let evilTar: Buffer;

const { logger } = createTestLogger();

function reader(
  extra: Record<string, unknown> = {},
  factories: UrlReaderFactory[] = [],
): DefaultUrlReader {
  const config = configFromPaths({
    'backend.reading.allow': [{ host: `127.0.0.1:${new URL(origin).port}` }],
    ...extra,
  });
  return new DefaultUrlReader(buildUrlReaders({ config, logger, factories }));
}

/** One tar entry written header by header, so it can hold what no packer writes (absolute paths). */
function rawTarEntry(
  path: string,
  type: 'File' | 'SymbolicLink' | 'Link',
  body: string,
  linkpath?: string,
): Buffer {
  const header = Buffer.alloc(512);
  new Header({
    path,
    type,
    size: body.length,
    mode: 0o644,
    mtime: new Date(0),
    ...(linkpath === undefined ? {} : { linkpath }),
  }).encode(header, 0);
  const data = Buffer.alloc(Math.ceil(body.length / 512) * 512);
  data.write(body);
  return Buffer.concat([header, data]);
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'openstage-tree-test-'));
  cleanup.push(dir);
  return dir;
}

/** Every file under `dir`, as relative path -> content. */
async function listFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out[relative(dir, full).split('\\').join('/')] = await readFile(full, 'utf8');
  }
  return out;
}

beforeAll(async () => {
  // The fixture archives are made by tar's own packer from real files, independent of the code
  // under test; the unsafe one is made in memory, as no packer would write it from a directory.
  const source = await tempDir();
  for (const [path, content] of Object.entries(SITE)) {
    await mkdir(join(source, path, '..'), { recursive: true });
    await writeFile(join(source, path), content);
  }
  siteTarGz = await bytesOf(createTar({ cwd: source, gzip: true, portable: true }, ['.']));
  plainTar = await bytesOf(createTar({ cwd: source, portable: true }, ['docs']));
  evilTar = await bytesOf(
    writeTarArchive([
      { path: 'ok.txt', content: Buffer.from('fine') },
      { path: '../escape.txt', content: Buffer.from('out') },
    ]),
  );

  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const path = req.url ?? '';
    if (path === '/site.tar.gz') {
      if (req.headers['if-none-match'] === '"site-v1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"site-v1"', 'content-type': 'application/gzip' }).end(siteTarGz);
    } else if (path === '/plain.tar') {
      res.writeHead(200, { 'content-type': 'application/x-tar' }).end(plainTar); // no ETag
    } else if (path === '/evil.tar') {
      res.writeHead(200).end(evilTar);
    } else if (path === '/page.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not an archive</html>');
    } else {
      res.writeHead(404).end();
    }
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

describe('readTree of the plain HTTP reader', () => {
  it('URL-013, URL-014, URL-015, URL-092: the files of a gzip archive, relative, with contents and the server etag', async () => {
    const tree = await reader().readTree(`${origin}/site.tar.gz`);
    expect(tree.etag).toBe('"site-v1"'); // URL-094
    const files = await tree.files();
    const contents = Object.fromEntries(
      await Promise.all(files.map(async (f) => [f.path, (await f.content()).toString()])),
    );
    expect(contents).toEqual(SITE);
    expect(files.every((f) => f.lastModifiedAt instanceof Date)).toBe(true);
  });

  it('URL-091, URL-092: a path after the archive segment is a folder of the archive', async () => {
    const tree = await reader().readTree(`${origin}/site.tar.gz/docs/`);
    expect((await tree.files()).map((f) => f.path).sort()).toEqual(['a.md', 'c.txt', 'sub/b.md']);
    expect(seen.map((s) => s.url)).toEqual(['/site.tar.gz']);
  });

  it('URL-016, URL-017, URL-019, URL-020: the filter sees path and size; files, archive and dir agree', async () => {
    const calls: Array<[string, number | undefined]> = [];
    const tree = await reader().readTree(`${origin}/site.tar.gz`, {
      filter: (path, info) => {
        calls.push([path, info?.size]);
        return path.endsWith('.md');
      },
    });
    expect(calls.sort()).toEqual(
      Object.entries(SITE)
        .map(([path, content]): [string, number] => [path, content.length])
        .sort(),
    );
    const expected = { 'README.md': '# Site', 'docs/a.md': 'alpha', 'docs/sub/b.md': 'beta' };
    expect((await tree.files()).map((f) => f.path).sort()).toEqual(Object.keys(expected));
    const packed = await readTarArchive(await bytesOf(await tree.archive()));
    expect(Object.fromEntries(packed.map((f) => [f.path, f.content.toString()]))).toEqual(expected);
    const target = await tempDir();
    expect(await tree.dir({ targetDir: target })).toBe(target);
    expect(await listFiles(target)).toEqual(expected);
  });

  it('URL-018, URL-061, URL-095: the etag goes out as If-None-Match and an unchanged archive is NotModified', async () => {
    await expect(
      reader().readTree(`${origin}/site.tar.gz/docs`, { etag: '"site-v1"' }),
    ).rejects.toMatchObject({ name: 'NotModifiedError', code: 'URL_NOT_MODIFIED' });
    expect(seen[0]?.headers['if-none-match']).toBe('"site-v1"');
    const changed = await reader().readTree(`${origin}/site.tar.gz`, { etag: '"site-v0"' });
    expect(changed.etag).toBe('"site-v1"');
  });

  it('URL-094, URL-095: without an ETag header the etag is a digest of the bytes, and still yields NotModified', async () => {
    const first = await reader().readTree(`${origin}/plain.tar`);
    expect(first.etag).toMatch(/^"sha256-[0-9a-f]{64}"$/);
    expect((await first.files()).map((f) => f.path).sort()).toEqual([
      'docs/a.md',
      'docs/c.txt',
      'docs/sub/b.md',
    ]);
    await expect(
      reader().readTree(`${origin}/plain.tar`, { etag: first.etag }),
    ).rejects.toMatchObject({ code: 'URL_NOT_MODIFIED' });
  });

  it('URL-021, URL-022, URL-081: dir() without a target makes a new directory in the working directory each time', async () => {
    const tree = await reader().readTree(`${origin}/site.tar.gz/docs`);
    const one = await tree.dir();
    const two = await tree.dir();
    cleanup.push(one, two);
    expect(one).not.toBe(two);
    expect(one.startsWith(tmpdir())).toBe(true);
    expect(await listFiles(one)).toEqual({ 'a.md': 'alpha', 'c.txt': 'gamma', 'sub/b.md': 'beta' });
    const work = await tempDir();
    const inWork = await (
      await reader({ 'backend.workingDirectory': work }).readTree(`${origin}/site.tar.gz`)
    ).dir();
    expect(inWork.startsWith(`${work}/`)).toBe(true);
    expect(Object.keys(await listFiles(inWork))).toHaveLength(4);
  });

  it('URL-082: a working directory that does not exist fails dir() naming the path and key', async () => {
    const missing = join(await tempDir(), 'nope');
    const tree = await reader({ 'backend.workingDirectory': missing }).readTree(
      `${origin}/site.tar.gz`,
    );
    await expect(tree.dir()).rejects.toMatchObject({
      code: 'URL_INVALID_WORKING_DIRECTORY',
      configPath: 'backend.workingDirectory',
      message: expect.stringContaining(missing),
    });
  });

  it('URL-024, URL-025: an entry leaving the directory through .. is refused before anything is written', async () => {
    const tree = await reader().readTree(`${origin}/evil.tar`);
    expect((await tree.files()).map((f) => f.path)).toEqual(['ok.txt', '../escape.txt']);
    const parent = await tempDir();
    const target = join(parent, 'target');
    await mkdir(target);
    await expect(tree.dir({ targetDir: target })).rejects.toMatchObject({
      name: 'NotAllowedError',
      code: 'URL_UNSAFE_PATH',
      message: expect.stringContaining('../escape.txt'),
    });
    expect(await listFiles(parent)).toEqual({});
  });

  it('URL-025: an absolute entry path is refused too, and links in the archive are left out', async () => {
    const trees = createTreeResponseFactory();
    const tree = await trees.fromTarArchive({
      archive: Buffer.concat([
        rawTarEntry('/etc/evil.txt', 'File', 'x'),
        rawTarEntry('link', 'SymbolicLink', '', '/etc/passwd'),
        rawTarEntry('hard', 'Link', '', '/etc/passwd'),
        Buffer.alloc(1024),
      ]),
      etag: 'e',
      url: 'test://abs',
    });
    expect((await tree.files()).map((f) => f.path)).toEqual(['/etc/evil.txt']);
    const target = await tempDir();
    await expect(tree.dir({ targetDir: target })).rejects.toMatchObject({
      code: 'URL_UNSAFE_PATH',
      message: expect.stringContaining('/etc/evil.txt'),
    });
  });

  it('dir() removes the directory it made, and never returned, when writing the tree fails', async () => {
    const work = await tempDir();
    // A file and a folder of the same name cannot both be written.
    const tree = createTreeResponseFactory({ workingDirectory: work }).fromFiles({
      files: [
        { path: 'a', content: Buffer.from('file') },
        { path: 'a/b', content: Buffer.from('inside') },
      ],
      etag: 'e',
      url: 'test://clash',
    });
    await expect(tree.dir()).rejects.toThrow();
    expect(await readdir(work)).toEqual([]);
  });

  it('a malformed percent escape in a tree or search path is InvalidUrl naming the URL', async () => {
    await expect(reader().readTree(`${origin}/site.tar.gz/%E0%A4%A`)).rejects.toMatchObject({
      code: 'URL_INVALID_URL',
      message: expect.stringContaining('%E0%A4%A'),
    });
    await expect(reader().search(`${origin}/site.tar.gz/%E0%A4%A/*.md`)).rejects.toMatchObject({
      code: 'URL_INVALID_URL',
    });
    expect(seen).toEqual([]);
  });

  it('URL-093: a response that is not a tar archive is refused naming the URL', async () => {
    await expect(reader().readTree(`${origin}/page.html`)).rejects.toMatchObject({
      code: 'URL_UNSUPPORTED_OPERATION',
      message: expect.stringContaining(`${origin}/page.html`),
    });
    await expect(reader().readTree(`${origin}/gone.tar.gz`)).rejects.toMatchObject({
      code: 'URL_NOT_FOUND',
    }); // URL-009
  });

  it('URL-034, URL-035: a tree or search of a URL the allow list refuses is NotAllowed, without a request', async () => {
    const other = `http://localhost:${new URL(origin).port}`;
    await expect(reader().readTree(`${other}/site.tar.gz`)).rejects.toMatchObject({
      name: 'NotAllowedError',
      code: 'URL_NOT_ALLOWED',
      configPath: 'backend.reading.allow',
    });
    await expect(reader().search(`${other}/site.tar.gz/**/*.md`)).rejects.toMatchObject({
      code: 'URL_NOT_ALLOWED',
    });
    expect(seen).toEqual([]);
  });
});

describe('search of the plain HTTP reader', () => {
  it('URL-026, URL-027, URL-096, URL-097: glob matches inside the archive, named by archive URL and path', async () => {
    const result = await reader().search(`${origin}/site.tar.gz/docs/**/*.md`);
    expect(result.etag).toBe('"site-v1"');
    expect(result.files.map((f) => f.url).sort()).toEqual([
      `${origin}/site.tar.gz/docs/a.md`,
      `${origin}/site.tar.gz/docs/sub/b.md`,
    ]);
    const b = result.files.find((f) => f.url.endsWith('/b.md'))!;
    expect((await b.content()).toString()).toBe('beta');
    // A `?` in a URL starts the query, so a pattern's `?` travels percent-encoded.
    const braces = await reader().search(`${origin}/site.tar.gz/{README.md,docs/%3F.txt}`);
    expect(braces.files.map((f) => f.url).sort()).toEqual([
      `${origin}/site.tar.gz/README.md`,
      `${origin}/site.tar.gz/docs/c.txt`,
    ]);
  });

  it('URL-028, URL-029: no match is an empty list; an unchanged archive is NotModified', async () => {
    expect((await reader().search(`${origin}/site.tar.gz/**/*.yaml`)).files).toEqual([]);
    await expect(
      reader().search(`${origin}/site.tar.gz/**/*.md`, { etag: '"site-v1"' }),
    ).rejects.toMatchObject({ code: 'URL_NOT_MODIFIED' });
  });

  it('URL-098: a glob without an archive segment before it is refused without a request', async () => {
    await expect(reader().search(`${origin}/docs/*.tar.gz`)).rejects.toMatchObject({
      code: 'URL_UNSUPPORTED_OPERATION',
      message: expect.stringContaining('.tar, .tar.gz or .tgz'),
    });
    expect(seen).toEqual([]);
  });
});

describe('treeResponseFactory', () => {
  it('URL-072: custom readers get a factory that builds tree responses from tar archives', async () => {
    const work = await tempDir();
    const custom: UrlReaderFactory = ({ treeResponseFactory }) => {
      const trees = treeResponseFactory as TreeResponseFactory;
      return [
        {
          predicate: (url) => url.protocol === 'bundle:',
          reader: {
            readUrl: async () => {
              throw new Error('unused');
            },
            search: async () => ({ files: [], etag: '' }),
            readTree: (url, options): Promise<UrlReaderServiceReadTreeResponse> =>
              trees.fromTarArchive({
                archive: siteTarGz,
                etag: 'bundle-1',
                url,
                subpath: 'docs',
                ...(options?.filter ? { filter: options.filter } : {}),
              }),
          },
        },
      ];
    };
    const tree = await reader({ 'backend.workingDirectory': work }, [custom]).readTree(
      'bundle://site',
      { filter: (path) => path !== 'c.txt' },
    );
    expect(tree.etag).toBe('bundle-1');
    const dir = await tree.dir();
    expect(dir.startsWith(`${work}/`)).toBe(true);
    expect(await listFiles(dir)).toEqual({ 'a.md': 'alpha', 'sub/b.md': 'beta' });
  });
});

describe('compileGlob', () => {
  it.each([
    ['*.md', 'a.md', true],
    ['*.md', 'd/a.md', false],
    ['**/*.md', 'a.md', true],
    ['**/*.md', 'd/e/a.md', true],
    ['d/**', 'd/e/f', true],
    ['?.md', 'ab.md', false],
    ['[ab].md', 'b.md', true],
    ['[!ab].md', 'b.md', false],
    ['{x,y}/*.txt', 'y/1.txt', true],
    ['a+b(1).md', 'a+b(1).md', true],
    ['a.md', 'aXmd', false],
    ['**/*.md', 'd/e', false],
    ['d/**/x', 'd/x', true],
    ['d/**/x', 'd/e/f/x', true],
    ['d/**/x', 'dd/x', false],
    ['{a,b{c,d}}.md', 'bd.md', true],
    ['{a,b{c,d}}.md', 'b.md', false],
    ['[{]x}', '{x}', true],
    ['a,b}', 'a,b}', true],
    ['[a', '[a', true],
    ['*', '', true],
  ])('%s against %s is %s', (glob, path, expected) => {
    expect(compileGlob(glob).test(path)).toBe(expected);
  });

  it('rejects an unclosed brace', () => {
    expect(() => compileGlob('{a,b')).toThrow(/'\{a,b'.*without its '\}'/);
  });

  it('rejects a pattern whose braces expand to too many alternatives', () => {
    expect(() => compileGlob('{a,b,c,d}'.repeat(6))).toThrow(/more than 1024 alternatives/);
  });

  it('matches in time that grows with pattern and path length, not exponentially', () => {
    // A backtracking regular expression takes tens of seconds on this pair.
    const started = performance.now();
    expect(compileGlob(`${'*a'.repeat(20)}*b`).test('a'.repeat(200))).toBe(false);
    expect(compileGlob(`${'**/'.repeat(10)}x`).test(`${'a/'.repeat(200)}y`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
