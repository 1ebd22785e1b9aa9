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
  const patterns = toList(cors['origin']).map(globToRegExp);
  const options: CorsOptions = {
    origin: (origin, callback) => {
      callback(
        null,
        origin !== undefined && patterns.some((pattern) => pattern.test(origin)) ? origin : false,
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

/** A glob where `*` matches within one path segment, `?` one character and `{a,b}` either. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (const char of glob) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      braces++;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (char === ',' && braces > 0) source += '|';
    else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  source += ')'.repeat(braces);
  return new RegExp(`^${source}$`, 'i');
}
