import { UrlReaderError } from '../UrlReaderError.js';

/**
 * `decodeURIComponent` of a part of `url`'s path, failing with a `URL_INVALID_URL` error that
 * names the URL instead of a bare `URIError` when the part holds a malformed `%` escape.
 */
export function decodeUrlPath(text: string, url: URL): string {
  try {
    return decodeURIComponent(text);
  } catch (cause) {
    throw new UrlReaderError(
      'URL_INVALID_URL',
      {
        url: url.href,
        problem: `its path holds a malformed percent-encoding; encode '%' as '%25'`,
      },
      { cause },
    );
  }
}
