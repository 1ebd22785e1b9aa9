/**
 * One file found by `search`.
 *
 * **When to use**: in `UrlReaderServiceSearchResponse.files`.
 *
 * @requirement URL-026
 * @requirement URL-027
 * @see {@link UrlReaderServiceSearchResponse}
 * @category services
 * @since 0.1.0
 */
export type UrlReaderServiceSearchResponseFile = {
  /** The file's full URL. */
  url: string;
  /** The file content. */
  content: () => Promise<Buffer>;
  /** When the file last changed. */
  lastModifiedAt?: Date;
};
