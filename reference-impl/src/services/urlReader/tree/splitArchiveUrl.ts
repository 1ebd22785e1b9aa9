import { decodeUrlPath } from './decodeUrlPath.js';

const ARCHIVE_SEGMENT = /\.(tar|tar\.gz|tgz)$/i;

/** A URL read as an archive plus a path inside it. */
export interface ArchiveUrl {
  /** The URL of the archive itself, with the query of the original URL. */
  readonly archiveUrl: URL;
  /** The decoded path inside the archive, without leading or trailing `/`; empty for the root. */
  readonly innerPath: string;
  /** Whether a path segment names an archive; when not, the whole URL is the archive. */
  readonly explicit: boolean;
}

/**
 * Splits a tree or search URL after its first path segment that ends in `.tar`, `.tar.gz` or
 * `.tgz`, so that `https://host/docs.tar.gz/guides/*.md` reads the archive `docs.tar.gz` and the
 * pattern `guides/*.md` inside it. A URL without such a segment is the archive as a whole. Throws
 * `URL_INVALID_URL` for a malformed `%` escape in the path.
 */
export function splitArchiveUrl(url: URL): ArchiveUrl {
  const segments = url.pathname.split('/');
  const index = segments.findIndex((segment) => ARCHIVE_SEGMENT.test(decodeUrlPath(segment, url)));
  if (index === -1) return { archiveUrl: new URL(url.href), innerPath: '', explicit: false };
  const archiveUrl = new URL(url.href);
  archiveUrl.pathname = segments.slice(0, index + 1).join('/');
  archiveUrl.hash = '';
  const innerPath = segments
    .slice(index + 1)
    .map((segment) => decodeUrlPath(segment, url))
    .filter((segment) => segment !== '')
    .join('/');
  return { archiveUrl, innerPath, explicit: true };
}
