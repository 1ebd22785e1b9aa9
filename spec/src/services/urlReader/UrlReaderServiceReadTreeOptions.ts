/**
 * Options of `UrlReaderService.readTree`.
 *
 * **When to use**: to select files, make the read conditional, cancellable or authenticated.
 *
 * @requirement URL-016
 * @requirement URL-017
 * @requirement URL-018
 * @see {@link UrlReaderService}
 * @category services
 * @since 0.1.0
 */
export type UrlReaderServiceReadTreeOptions = {
  /** Keeps only the files for which it returns `true`; `path` is relative to the tree root. */
  filter?: (path: string, info?: { size: number }) => boolean;
  /** The etag of a previous read; when the tree is unchanged, the read rejects as not modified. */
  etag?: string;
  /** Aborts the read. */
  signal?: AbortSignal;
  /** A token to use instead of the configured integration credentials. */
  token?: string;
};
