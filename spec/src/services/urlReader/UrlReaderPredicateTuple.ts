import type { UrlReaderService } from './UrlReaderService.js';

/**
 * A custom reader together with the test that decides which URLs it reads.
 *
 * **When to use**: returned, in an array, by a {@link UrlReaderFactory}.
 *
 * @requirement URL-073
 * @see {@link UrlReaderFactory}
 * @category services
 * @since 0.1.0
 */
export interface UrlReaderPredicateTuple {
  /** The reader. */
  reader: UrlReaderService;
  /** Whether `reader` handles `url`. */
  predicate: (url: URL) => boolean;
}
