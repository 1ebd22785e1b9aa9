import type {
  UrlReaderPredicateTuple,
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
} from '@openstage/spec';
import { ALLOW_LIST_KEY } from './parseAllowList.js';
import { UrlReaderError } from './UrlReaderError.js';

/**
 * The `urlReader` service: hands each call to the first reader whose predicate accepts the URL
 * (URL-031), and refuses URLs no reader accepts before any request is made (URL-034, URL-035).
 */
export class DefaultUrlReader implements UrlReaderService {
  constructor(private readonly readers: readonly UrlReaderPredicateTuple[]) {}

  #readerFor(url: string): UrlReaderService {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (cause) {
      throw new UrlReaderError('URL_INVALID_URL', { url }, { cause }); // URL-012
    }
    const match = this.readers.find(({ predicate }) => predicate(parsed));
    if (match === undefined) {
      throw new UrlReaderError('URL_NOT_ALLOWED', { url, configPath: ALLOW_LIST_KEY });
    }
    return match.reader;
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    return this.#readerFor(url).readUrl(url, options);
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    return this.#readerFor(url).readTree(url, options);
  }

  async search(
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse> {
    return this.#readerFor(url).search(url, options);
  }
}
