import type {
  UrlReaderService,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchResponse,
} from '@openstage/spec';
import { UrlReaderError } from '../../services/urlReader/UrlReaderError.js';

/**
 * The fake of `mockServices.urlReader({ files })` (TEST-092, TEST-093): `readUrl` serves the
 * given files; every other URL, and every `readTree` and `search`, is a `NotFoundError`.
 */
export function createMockUrlReader(
  options: { files?: { [url: string]: string | Buffer } } = {},
): UrlReaderService {
  const files = options.files ?? {};
  const notFound = (url: string): UrlReaderError =>
    new UrlReaderError('URL_NOT_FOUND', { url, mock: true });
  return {
    async readUrl(url: string): Promise<UrlReaderServiceReadUrlResponse> {
      if (!Object.hasOwn(files, url)) throw notFound(url);
      const content = files[url]!;
      const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      return { buffer: async () => Buffer.from(buffer) };
    },
    async readTree(url: string): Promise<UrlReaderServiceReadTreeResponse> {
      throw notFound(url);
    },
    async search(url: string): Promise<UrlReaderServiceSearchResponse> {
      throw notFound(url);
    },
  };
}
