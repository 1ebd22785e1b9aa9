import type { UrlReaderServiceReadTreeResponseDirOptions } from './UrlReaderServiceReadTreeResponseDirOptions.js';
import type { UrlReaderServiceReadTreeResponseFile } from './UrlReaderServiceReadTreeResponseFile.js';

/**
 * A tree of files read by `readTree`, available in three forms.
 *
 * **When to use**: returned by `UrlReaderService.readTree`; use exactly one of `files`,
 * `archive` and `dir`.
 *
 * @requirement URL-013
 * @requirement URL-019
 * @requirement URL-020
 * @requirement URL-021
 * @requirement URL-022
 * @requirement URL-023
 * @requirement URL-024
 * @requirement URL-025
 * @see {@link UrlReaderService}
 * @category services
 * @since 0.1.0
 */
export type UrlReaderServiceReadTreeResponse = {
  /** The files, each with its content. */
  files: () => Promise<UrlReaderServiceReadTreeResponseFile[]>;
  /** The tree as a tar archive stream. */
  archive: () => Promise<NodeJS.ReadableStream>;
  /** Extracts the tree to a directory and resolves to its path. */
  dir: (options?: UrlReaderServiceReadTreeResponseDirOptions) => Promise<string>;
  /** The etag of the tree, to pass to a later read. */
  etag: string;
};
