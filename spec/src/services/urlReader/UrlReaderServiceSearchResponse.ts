import type { UrlReaderServiceSearchResponseFile } from './UrlReaderServiceSearchResponseFile.js';

/**
 * The files that matched a `search`.
 *
 * **When to use**: returned by `UrlReaderService.search`.
 *
 * @requirement URL-026
 * @requirement URL-028
 * @see {@link UrlReaderService}
 * @category services
 * @since 0.1.0
 */
export type UrlReaderServiceSearchResponse = {
  /** The matching files. */
  files: UrlReaderServiceSearchResponseFile[];
  /** The etag of the result, to pass to a later search. */
  etag: string;
};
