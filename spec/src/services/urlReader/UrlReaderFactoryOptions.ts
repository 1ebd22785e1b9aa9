import type { LoggerService } from '../logger/LoggerService.js';
import type { RootConfigService } from '../rootConfig/RootConfigService.js';

/**
 * What the default `urlReader` implementation passes to each contributed reader factory.
 *
 * **When to use**: as the parameter of a {@link UrlReaderFactory}.
 *
 * **Details**: `treeResponseFactory` is the implementation's helper for building `readTree`
 * responses from archives and file lists; its interface is the implementation's own and this
 * specification does not fix it.
 *
 * @requirement URL-072
 * @see {@link UrlReaderFactory}
 * @category services
 * @since 0.1.0
 */
export interface UrlReaderFactoryOptions {
  /** The root configuration. */
  config: RootConfigService;
  /** A logger for the reader. */
  logger: LoggerService;
  /** The implementation's helper for building tree responses. */
  treeResponseFactory: unknown;
}
