import type { UrlReaderFactoryOptions } from './UrlReaderFactoryOptions.js';
import type { UrlReaderPredicateTuple } from './UrlReaderPredicateTuple.js';

/**
 * Contributes custom readers to the default `urlReader` service, through the multiton service
 * `core.urlReader.factories` (plugin scope).
 *
 * **When to use**: to read from a source that the built-in readers do not cover; provide a
 * service factory for the ref whose id is `core.urlReader.factories` that returns a function of
 * this type.
 *
 * **Details**: readers contributed this way take precedence over the built-in ones, in the order
 * their factories were registered.
 *
 * @requirement URL-071
 * @requirement URL-072
 * @requirement URL-073
 * @requirement URL-074
 * @see {@link UrlReaderService}
 * @category services
 * @since 0.1.0
 */
export type UrlReaderFactory = (options: UrlReaderFactoryOptions) => UrlReaderPredicateTuple[];
