/**
 * One file of a tree read by `readTree`.
 *
 * **When to use**: returned by `UrlReaderServiceReadTreeResponse.files`.
 *
 * @requirement URL-014
 * @requirement URL-015
 * @see {@link UrlReaderServiceReadTreeResponse}
 * @category services
 * @since 0.1.0
 */
export type UrlReaderServiceReadTreeResponseFile = {
  /** The path relative to the tree root. */
  path: string;
  /** The file content. */
  content: () => Promise<Buffer>;
  /** When the file last changed. */
  lastModifiedAt?: Date;
};
