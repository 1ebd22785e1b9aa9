import type { UrlReaderServiceReadTreeOptions } from './UrlReaderServiceReadTreeOptions.js';
import type { UrlReaderServiceReadTreeResponse } from './UrlReaderServiceReadTreeResponse.js';
import type { UrlReaderServiceReadUrlOptions } from './UrlReaderServiceReadUrlOptions.js';
import type { UrlReaderServiceReadUrlResponse } from './UrlReaderServiceReadUrlResponse.js';
import type { UrlReaderServiceSearchOptions } from './UrlReaderServiceSearchOptions.js';
import type { UrlReaderServiceSearchResponse } from './UrlReaderServiceSearchResponse.js';

/**
 * The `urlReader` service (`core.urlReader`, plugin scope): reads files, trees and search
 * results from source code hosts and other URLs, with the configured credentials.
 *
 * **When to use**: whenever a plugin reads content addressed by a URL, such as a catalog file in
 * a repository.
 *
 * **Details**: which hosts can be read depends on configuration; a URL that no reader accepts is
 * refused. A read with an `etag` whose content is unchanged rejects with a not-modified error.
 *
 * @requirement URL-001
 * @requirement URL-009
 * @requirement URL-012
 * @requirement URL-031
 * @requirement URL-034
 * @see {@link UrlReaderServiceReadUrlResponse}
 * @category services
 * @since 0.1.0
 */
export interface UrlReaderService {
  /**
   * Reads one file.
   *
   * @requirement URL-002
   * @requirement URL-003
   * @requirement URL-004
   * @requirement URL-005
   * @requirement URL-006
   * @requirement URL-007
   * @requirement URL-008
   */
  readUrl: (
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ) => Promise<UrlReaderServiceReadUrlResponse>;
  /**
   * Reads a directory tree.
   *
   * @requirement URL-013
   * @requirement URL-014
   * @requirement URL-015
   * @requirement URL-016
   * @requirement URL-017
   * @requirement URL-018
   */
  readTree: (
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ) => Promise<UrlReaderServiceReadTreeResponse>;
  /**
   * Finds the files that match a URL with a glob pattern.
   *
   * @requirement URL-026
   * @requirement URL-027
   * @requirement URL-028
   * @requirement URL-029
   */
  search: (
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ) => Promise<UrlReaderServiceSearchResponse>;
}
