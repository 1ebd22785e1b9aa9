/**
 * The content of one file read by `readUrl`.
 *
 * **When to use**: returned by `UrlReaderService.readUrl`.
 *
 * **Details**: `stream`, when present, returns a Node readable stream; Backstage declares it as
 * `stream.Readable`, which is assignable to the `NodeJS.ReadableStream` named here.
 *
 * @requirement URL-002
 * @requirement URL-003
 * @requirement URL-005
 * @see {@link UrlReaderService}
 * @category services
 * @since 0.1.0
 */
export type UrlReaderServiceReadUrlResponse = {
  /** The whole content. */
  buffer: () => Promise<Buffer>;
  /** The content as a stream. */
  stream?: () => NodeJS.ReadableStream;
  /** The etag of the content, to pass to a later read. */
  etag?: string;
  /** When the content last changed. */
  lastModifiedAt?: Date;
};
