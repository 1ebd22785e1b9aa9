/**
 * Options of `UrlReaderService.readUrl`.
 *
 * **When to use**: to make a read conditional, cancellable or authenticated.
 *
 * @requirement URL-006
 * @requirement URL-007
 * @requirement URL-010
 * @requirement URL-011
 * @see {@link UrlReaderService}
 * @category services
 * @since 0.1.0
 */
export type UrlReaderServiceReadUrlOptions = {
  /** The etag of a previous read; when the content is unchanged, the read rejects as not modified. */
  etag?: string;
  /** Reject as not modified when the content has not changed since this time. */
  lastModifiedAfter?: Date;
  /** Aborts the read. */
  signal?: AbortSignal;
  /** A token to use instead of the configured integration credentials. */
  token?: string;
};
