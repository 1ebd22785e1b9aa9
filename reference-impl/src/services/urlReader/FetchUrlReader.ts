import { Readable } from 'node:stream';
import type {
  UrlReaderService,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
} from '@openstage/spec';
import { ALLOW_LIST_KEY, type UrlPredicate } from './parseAllowList.js';
import { isUrlReaderError, UrlReaderError } from './UrlReaderError.js';

const MAX_REDIRECTS = 10;
const GLOB = /[*?[\]{}]/;

/**
 * The plain HTTP reader (URL-061 to URL-070): reads single `http:`/`https:` URLs that the allow
 * list accepts. The caller checks the first URL; this reader checks every redirect (URL-051).
 */
export class FetchUrlReader implements UrlReaderService {
  constructor(private readonly allowed: UrlPredicate) {}

  async readUrl(
    url: string,
    options: UrlReaderServiceReadUrlOptions = {},
  ): Promise<UrlReaderServiceReadUrlResponse> {
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
          `Could not read ${url}: ${cause instanceof Error ? cause.message : String(cause)}`,
          { url },
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
        throw new UrlReaderError(
          'URL_NOT_ALLOWED',
          `Reading ${url} redirected to ${next.href}, which ${ALLOW_LIST_KEY} does not allow${hops >= MAX_REDIRECTS ? ' (too many redirects)' : ''}`,
          { url, configPath: ALLOW_LIST_KEY },
        );
      }
      target = next;
    }

    if (response.status === 304) throw notModified(url); // URL-064
    if (response.status === 404) {
      await response.body?.cancel();
      throw new UrlReaderError('URL_NOT_FOUND', `${url} could not be read: not found`, { url }); // URL-065
    }
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel();
      throw new UrlReaderError(
        'URL_READ_FAILED',
        `${url} could not be read: the server answered ${response.status} ${response.statusText}`,
        {
          url,
          status: response.status,
        },
      ); // URL-066
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
    const content = Buffer.from(await response.arrayBuffer());
    return {
      buffer: async () => content,
      stream: () => Readable.from([content]),
      ...(etag === undefined ? {} : { etag }),
      ...(lastModifiedAt === undefined || Number.isNaN(lastModifiedAt.getTime())
        ? {}
        : { lastModifiedAt }),
    };
  }

  async readTree(url: string): Promise<UrlReaderServiceReadTreeResponse> {
    throw new UrlReaderError(
      'URL_UNSUPPORTED_OPERATION',
      `The plain HTTP reader cannot read a tree at ${url}; configure an integration for the host or read single files`,
      { url },
    ); // URL-068
  }

  async search(
    url: string,
    options: UrlReaderServiceSearchOptions = {},
  ): Promise<UrlReaderServiceSearchResponse> {
    if (GLOB.test(new URL(url).pathname)) {
      throw new UrlReaderError(
        'URL_UNSUPPORTED_OPERATION',
        `The plain HTTP reader cannot search ${url} with a glob pattern; configure an integration for the host`,
        { url },
      ); // URL-069
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

function notModified(url: string): UrlReaderError {
  return new UrlReaderError(
    'URL_NOT_MODIFIED',
    `${url} has not been modified since the given etag or date`,
    { url },
  );
}
