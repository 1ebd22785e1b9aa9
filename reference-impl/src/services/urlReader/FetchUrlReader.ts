import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
} from '@openstage/spec';
import { ALLOW_LIST_KEY, type UrlPredicate } from './parseAllowList.js';
import {
  MAX_ARCHIVE_BYTES_KEY,
  MAX_UNPACKED_BYTES_KEY,
  parseArchiveLimits,
  type ArchiveLimits,
} from './parseArchiveLimits.js';
import { compileGlob, hasGlob, type GlobPattern } from './tree/compileGlob.js';
import { decodeUrlPath } from './tree/decodeUrlPath.js';
import { BodyTooLargeError, readBoundedBody } from './tree/readBoundedBody.js';
import { readTarArchive, UnpackedTooLargeError, type ArchiveFile } from './tree/readTarArchive.js';
import { splitArchiveUrl } from './tree/splitArchiveUrl.js';
import { createTreeResponseFactory, type TreeResponseFactory } from './tree/TreeResponseFactory.js';
import { isUrlReaderError, UrlReaderError } from './UrlReaderError.js';

const MAX_REDIRECTS = 10;

/** Options of {@link FetchUrlReader}. */
export interface FetchUrlReaderOptions {
  /** Builds the tree results; defaults to one over the system's temporary directory. */
  readonly treeResponseFactory?: TreeResponseFactory;
  /** How large an archive may be on the wire and unpacked; defaults to URL-103 and URL-104. */
  readonly archiveLimits?: ArchiveLimits;
}

/**
 * The plain HTTP reader (URL-061 to URL-070, URL-091 to URL-098): reads `http:`/`https:` URLs
 * that the allow list accepts, single files as they are and trees and glob searches from tar
 * archives. The caller checks the first URL; this reader checks every redirect (URL-051).
 */
export class FetchUrlReader implements UrlReaderService {
  readonly #trees: TreeResponseFactory;
  readonly #limits: ArchiveLimits;

  constructor(
    private readonly allowed: UrlPredicate,
    options: FetchUrlReaderOptions = {},
  ) {
    this.#trees = options.treeResponseFactory ?? createTreeResponseFactory();
    this.#limits = options.archiveLimits ?? parseArchiveLimits({});
  }

  /**
   * Fetches an archive as `readUrl` does and reads its files. The etag is the server's or, when it
   * sends none, a digest of the bytes, so that an unchanged archive still reads as not modified
   * (URL-093 to URL-095). Both the body and the files unpacked from it are bounded, and a call
   * over a bound rejects before any tree exists (URL-099 to URL-102).
   */
  async #readArchive(
    url: string,
    archiveUrl: URL,
    options: { etag?: string; signal?: AbortSignal; token?: string },
  ): Promise<{ files: ArchiveFile[]; etag: string }> {
    const response = await this.#fetch(archiveUrl.href, {
      ...(options.etag === undefined ? {} : { etag: options.etag }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.token === undefined ? {} : { token: options.token }),
    });
    const tooLarge = (configPath: string, limit: number, measure: 'downloaded' | 'unpacked') =>
      new UrlReaderError('URL_ARCHIVE_TOO_LARGE', {
        url,
        archiveUrl: archiveUrl.href,
        configPath,
        limit,
        measure,
      });
    let bytes: Buffer;
    try {
      bytes = await readBoundedBody(response.response, this.#limits.maxArchiveBytes);
    } catch (cause) {
      if (cause instanceof BodyTooLargeError)
        throw tooLarge(MAX_ARCHIVE_BYTES_KEY, cause.limit, 'downloaded'); // URL-099, URL-100
      throw cause;
    }
    const etag = response.etag ?? `"sha256-${createHash('sha256').update(bytes).digest('hex')}"`;
    if (options.etag !== undefined && options.etag === etag) throw notModified(url);
    try {
      return {
        files: await readTarArchive(bytes, { maxUnpackedBytes: this.#limits.maxUnpackedBytes }),
        etag,
      };
    } catch (cause) {
      if (cause instanceof UnpackedTooLargeError)
        throw tooLarge(MAX_UNPACKED_BYTES_KEY, cause.limit, 'unpacked'); // URL-101
      throw new UrlReaderError(
        'URL_UNSUPPORTED_OPERATION',
        { url, archiveUrl: archiveUrl.href },
        { cause },
      );
    }
  }

  async readUrl(
    url: string,
    options: UrlReaderServiceReadUrlOptions = {},
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const { response, etag, lastModifiedAt } = await this.#fetch(url, options);
    const content = Buffer.from(await response.arrayBuffer());
    return {
      buffer: async () => content,
      stream: () => Readable.from([content]),
      ...(etag === undefined ? {} : { etag }),
      ...(lastModifiedAt === undefined ? {} : { lastModifiedAt }),
    };
  }

  /**
   * Requests a URL as `readUrl` does (URL-061 to URL-067, redirects checked by URL-051) and hands
   * back the successful response with its body unread, so callers decide how much of it to read.
   */
  async #fetch(
    url: string,
    options: UrlReaderServiceReadUrlOptions,
  ): Promise<{ response: Response; etag: string | undefined; lastModifiedAt: Date | undefined }> {
    const headers: Record<string, string> = {};
    if (options.etag !== undefined) headers['if-none-match'] = options.etag; // URL-061
    if (options.lastModifiedAfter !== undefined)
      headers['if-modified-since'] = options.lastModifiedAfter.toUTCString(); // URL-062
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`; // URL-063

    let target = new URL(url);
    let response: Response;
    for (let hops = 0; ; hops += 1) {
      try {
        response = await fetch(target, {
          headers,
          redirect: 'manual',
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (cause) {
        if (options.signal?.aborted) throw cause; // URL-011: the caller's abort, as it is
        throw new UrlReaderError(
          'URL_READ_FAILED',
          { url, reason: fetchFailureReason(cause) },
          { cause },
        );
      }
      const location = response.headers.get('location');
      if (
        response.status < 300 ||
        response.status >= 400 ||
        response.status === 304 ||
        location === null
      )
        break;
      await response.body?.cancel();
      const next = new URL(location, target);
      if (!this.allowed(next) || hops >= MAX_REDIRECTS) {
        throw new UrlReaderError('URL_NOT_ALLOWED', {
          url,
          configPath: ALLOW_LIST_KEY,
          redirectedTo: next.href,
          tooManyRedirects: hops >= MAX_REDIRECTS,
        });
      }
      // The token is for the host it was given for: like the Fetch standard, a redirect to
      // another origin goes without it, so one allowed host cannot collect another's token.
      if (next.origin !== target.origin) delete headers.authorization;
      target = next;
    }

    if (response.status === 304) throw notModified(url); // URL-064
    if (response.status === 404) {
      await response.body?.cancel();
      throw new UrlReaderError('URL_NOT_FOUND', { url }); // URL-065
    }
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel();
      throw new UrlReaderError('URL_READ_FAILED', {
        url,
        status: response.status,
        statusText: response.statusText,
      }); // URL-066
    }
    const etag = response.headers.get('etag') ?? undefined; // URL-067
    const lastModifiedHeader = response.headers.get('last-modified');
    const lastModifiedAt = lastModifiedHeader === null ? undefined : new Date(lastModifiedHeader);
    // A server that ignores the conditional headers still must not hand back unchanged content
    // as new (URL-006, URL-007).
    if (options.etag !== undefined && etag === options.etag) {
      await response.body?.cancel();
      throw notModified(url);
    }
    if (
      options.lastModifiedAfter !== undefined &&
      lastModifiedAt !== undefined &&
      !Number.isNaN(lastModifiedAt.getTime()) &&
      lastModifiedAt.getTime() <= options.lastModifiedAfter.getTime()
    ) {
      await response.body?.cancel();
      throw notModified(url);
    }
    return {
      response,
      etag,
      lastModifiedAt:
        lastModifiedAt === undefined || Number.isNaN(lastModifiedAt.getTime())
          ? undefined
          : lastModifiedAt,
    };
  }

  /**
   * A tree from the tar archive the URL names, or from the folder of that archive that follows it
   * in the path (URL-091, URL-092).
   */
  async readTree(
    url: string,
    options: UrlReaderServiceReadTreeOptions = {},
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const { archiveUrl, innerPath } = splitArchiveUrl(new URL(url));
    const archive = await this.#readArchive(url, archiveUrl, options);
    const prefix = innerPath === '' ? '' : `${innerPath}/`;
    return this.#trees.fromFiles({
      files: archive.files
        .filter((file) => file.path.startsWith(prefix))
        .map((file) => ({ ...file, path: file.path.slice(prefix.length) })),
      etag: archive.etag,
      url,
      ...(options.filter === undefined ? {} : { filter: options.filter }),
    });
  }

  async search(
    url: string,
    options: UrlReaderServiceSearchOptions = {},
  ): Promise<UrlReaderServiceSearchResponse> {
    const parsed = new URL(url);
    // A path with a malformed `%` escape can still name one file (URL-070): look for a pattern
    // in it as it is.
    let path = parsed.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep the raw path
    }
    if (hasGlob(path)) {
      const { archiveUrl, innerPath, explicit } = splitArchiveUrl(parsed);
      if (!explicit || hasGlob(decodeUrlPath(archiveUrl.pathname, archiveUrl))) {
        throw new UrlReaderError('URL_UNSUPPORTED_OPERATION', { url }); // URL-098
      }
      let pattern: GlobPattern;
      try {
        pattern = compileGlob(innerPath);
      } catch (cause) {
        throw new UrlReaderError(
          'URL_INVALID_URL',
          {
            url,
            problem: `its search pattern is invalid: ${cause instanceof Error ? cause.message : String(cause)}`,
          },
          { cause },
        );
      }
      const archive = await this.#readArchive(url, archiveUrl, options);
      return {
        etag: archive.etag,
        // URL-096, URL-097
        files: archive.files
          .filter((file) => pattern.test(file.path))
          .map((file) => {
            const fileUrl = new URL(archiveUrl.href);
            fileUrl.pathname = `${archiveUrl.pathname}/${file.path.split('/').map(encodeURIComponent).join('/')}`;
            return {
              url: fileUrl.href,
              content: async () => file.content,
              ...(file.lastModifiedAt === undefined ? {} : { lastModifiedAt: file.lastModifiedAt }),
            };
          }),
      };
    }
    // URL-070: a URL without a pattern is a search for that one file.
    try {
      const file = await this.readUrl(url, options);
      return {
        files: [
          {
            url,
            content: () => file.buffer(),
            ...(file.lastModifiedAt === undefined ? {} : { lastModifiedAt: file.lastModifiedAt }),
          },
        ],
        etag: file.etag ?? '',
      };
    } catch (error) {
      if (isUrlReaderError(error, 'URL_NOT_FOUND')) return { files: [], etag: '' };
      throw error;
    }
  }
}

/**
 * What went wrong with a request that got no response. Node's `fetch` says only `fetch failed`
 * and keeps the network error (`connect ECONNREFUSED ...`, `getaddrinfo ENOTFOUND ...`) as its
 * cause, which is what an operator needs to see.
 */
function fetchFailureReason(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner: unknown = cause.cause;
  return inner instanceof Error && inner.message !== ''
    ? `${cause.message}: ${inner.message}`
    : cause.message;
}

function notModified(url: string): UrlReaderError {
  return new UrlReaderError('URL_NOT_MODIFIED', { url });
}
