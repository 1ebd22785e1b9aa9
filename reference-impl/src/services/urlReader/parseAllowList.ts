import { UrlReaderError } from './UrlReaderError.js';

/** The config key of the plain HTTP reader's allow list. */
export const ALLOW_LIST_KEY = 'backend.reading.allow';

/** Decides whether the plain HTTP reader may read a URL. */
export type UrlPredicate = (url: URL) => boolean;

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };
const HOSTNAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

function invalid(index: number, reason: string): UrlReaderError {
  return new UrlReaderError('URL_INVALID_ALLOW_ENTRY', {
    configPath: `${ALLOW_LIST_KEY}[${index}]`,
    problem: reason,
  });
}

function parsePorts(index: number, text: string): readonly [number, number] {
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  const first = Number(match?.[1]);
  const last = match?.[2] === undefined ? first : Number(match[2]);
  if (match === null || first < 1 || last > 65535 || first > last) {
    throw invalid(index, `'${text}' is not a port or port range such as 8080 or 8000-8100`);
  }
  return [first, last];
}

function parseEntry(index: number, entry: unknown): UrlPredicate {
  if (
    typeof entry !== 'object' ||
    entry === null ||
    typeof (entry as { host?: unknown }).host !== 'string' ||
    (entry as { host: string }).host === ''
  ) {
    throw invalid(
      index,
      "every entry needs a 'host' such as example.com, *.example.com or example.com:8080",
    );
  }
  const { host, paths } = entry as { host: string; paths?: unknown };
  if (
    paths !== undefined &&
    (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string'))
  ) {
    throw invalid(index, "'paths' must be a list of path prefixes such as /docs/");
  }
  const colon = host.lastIndexOf(':');
  const hostPart = (colon === -1 ? host : host.slice(0, colon)).toLowerCase();
  const ports = colon === -1 ? undefined : parsePorts(index, host.slice(colon + 1));
  const wildcard = hostPart.startsWith('*.');
  const name = wildcard ? hostPart.slice(2) : hostPart;
  if (!HOSTNAME.test(name)) {
    throw invalid(
      index,
      `'${host}' is not a hostname; a wildcard is only allowed as a whole leading '*.' label`,
    );
  }
  const suffix = `.${name}`;
  const prefixes = paths as string[] | undefined;
  return (url) => {
    if (!(url.protocol in DEFAULT_PORTS)) return false; // URL-041
    const hostname = url.hostname.toLowerCase();
    if (wildcard ? !hostname.endsWith(suffix) : hostname !== name) return false; // URL-042 to URL-044
    if (ports === undefined) {
      if (url.port !== '') return false; // URL-045
    } else {
      const port = url.port === '' ? DEFAULT_PORTS[url.protocol]! : Number(url.port);
      if (port < ports[0] || port > ports[1]) return false; // URL-046, URL-047
    }
    // URL-048, URL-049: the URL parser has already resolved '.' and '..' segments.
    return prefixes === undefined || prefixes.some((prefix) => url.pathname.startsWith(prefix));
  };
}

/**
 * Turns `backend.reading.allow` into one predicate, failing on the first malformed entry with
 * its index (URL-041 to URL-050).
 */
export function parseAllowList(entries: unknown): UrlPredicate {
  if (entries === undefined || entries === null) return () => false;
  if (!Array.isArray(entries)) {
    throw new UrlReaderError('URL_INVALID_ALLOW_ENTRY', {
      configPath: ALLOW_LIST_KEY,
      problem: 'must be a list of { host, paths? } entries',
    });
  }
  const predicates = entries.map((entry, index) => parseEntry(index, entry));
  return (url) => predicates.some((predicate) => predicate(url));
}
