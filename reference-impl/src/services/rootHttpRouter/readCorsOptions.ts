import type { CorsOptions } from 'cors';
import type { ConfigReader } from './ConfigReader.js';

/**
 * Reads `backend.cors` into options for the `cors` middleware, or `undefined` when the section is
 * unset and CORS stays off (RHTTP-054).
 *
 * **Details**: `origin` holds glob patterns matched without regard to case, where `*` does not
 * cross `/` (RHTTP-055). Without `origin`, no origin is allowed (RHTTP-057); unlike the `cors`
 * library's own default, which would answer `*`.
 */
export function readCorsOptions(config: ConfigReader): CorsOptions | undefined {
  const cors = config.getOptional<Record<string, unknown>>('backend.cors');
  if (cors === undefined || cors === null || typeof cors !== 'object') return undefined;
  const patterns = toList(cors['origin']).map(compileOriginPattern);
  const options: CorsOptions = {
    origin: (origin, callback) => {
      callback(
        null,
        origin !== undefined && patterns.some((matches) => matches(origin)) ? origin : false,
      );
    },
    methods: toList(cors['methods'] ?? ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE']),
    preflightContinue: cors['preflightContinue'] === true,
    optionsSuccessStatus:
      typeof cors['optionsSuccessStatus'] === 'number' ? cors['optionsSuccessStatus'] : 204,
  };
  if (cors['allowedHeaders'] !== undefined) options.allowedHeaders = toList(cors['allowedHeaders']);
  if (cors['exposedHeaders'] !== undefined) options.exposedHeaders = toList(cors['exposedHeaders']);
  if (typeof cors['credentials'] === 'boolean') options.credentials = cors['credentials'];
  if (typeof cors['maxAge'] === 'number') options.maxAge = cors['maxAge'];
  return options;
}

function toList(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * A matcher for a glob where `*` matches within one path segment, `?` one character and `{a,b}`
 * either, compared without regard to case.
 *
 * The origin comes from the request, so matching must not backtrack: a regular expression for
 * `https://*-*-*.example.com` takes seconds on a few thousand dashes. The pattern is expanded into
 * its brace-free alternatives, each matched by a table over pattern and origin positions.
 */
export function compileOriginPattern(glob: string): (origin: string) => boolean {
  const alternatives = expandBraces(glob.toLowerCase());
  return (origin) => {
    const text = origin.toLowerCase();
    return alternatives.some((pattern) => matchesGlob(pattern, text));
  };
}

/**
 * The brace-free patterns of `glob`; an unclosed `{` runs to the end of the pattern. Their number
 * is the product of the brace groups' sizes, which the operator's own pattern fixes at startup.
 */
function expandBraces(glob: string): string[] {
  let i = 0;
  const sequence = (inBraces: boolean): string[] => {
    let results = [''];
    while (i < glob.length) {
      const char = glob[i]!;
      if (inBraces && (char === ',' || char === '}')) return results;
      i += 1;
      if (char !== '{') {
        results = results.map((result) => result + char);
        continue;
      }
      const options = sequence(true);
      while (glob[i] === ',') {
        i += 1;
        options.push(...sequence(true));
      }
      if (glob[i] === '}') i += 1;
      results = results.flatMap((head) => options.map((tail) => head + tail));
    }
    return results;
  };
  return sequence(false);
}

/** Whether `pattern` (`*`, `?` and literal characters) matches all of `text`. */
function matchesGlob(pattern: string, text: string): boolean {
  const n = text.length;
  // after[j]: whether the rest of the pattern matches text from j; filled from the pattern's end.
  let after = new Uint8Array(n + 1);
  after[n] = 1;
  for (let p = pattern.length - 1; p >= 0; p -= 1) {
    const char = pattern[p]!;
    const here = new Uint8Array(n + 1);
    if (char === '*') {
      here[n] = after[n]!;
      for (let j = n - 1; j >= 0; j -= 1) {
        here[j] = after[j] || (text[j] !== '/' && here[j + 1]) ? 1 : 0;
      }
    } else {
      for (let j = 0; j < n; j += 1) {
        const fits = char === '?' ? text[j] !== '/' : text[j] === char;
        here[j] = fits && after[j + 1] ? 1 : 0;
      }
    }
    after = here;
  }
  return after[0] === 1;
}
