/**
 * Options of `UrlReaderService.search`.
 *
 * **When to use**: to make a search conditional, cancellable or authenticated.
 *
 * @requirement URL-029
 * @see {@link UrlReaderService}
 * @category services
 * @since 0.1.0
 */
export type UrlReaderServiceSearchOptions = {
  /** The etag of a previous search; when nothing changed, the search rejects as not modified. */
  etag?: string;
  /** Aborts the search. */
  signal?: AbortSignal;
  /** A token to use instead of the configured integration credentials. */
  token?: string;
};
