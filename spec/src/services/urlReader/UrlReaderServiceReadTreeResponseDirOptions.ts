/**
 * Options of `UrlReaderServiceReadTreeResponse.dir`.
 *
 * **When to use**: to choose where the tree is extracted.
 *
 * @requirement URL-020
 * @requirement URL-021
 * @requirement URL-022
 * @requirement URL-081
 * @see {@link UrlReaderServiceReadTreeResponse}
 * @category services
 * @since 0.1.0
 */
export type UrlReaderServiceReadTreeResponseDirOptions = {
  /** The directory to extract into; a new temporary directory when omitted. */
  targetDir?: string;
};
