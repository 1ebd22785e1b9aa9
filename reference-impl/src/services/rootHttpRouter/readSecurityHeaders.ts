import type { ConfigReader } from './ConfigReader.js';
import { RootHttpRouterError } from './RootHttpRouterError.js';

/** The CSP defaults of RHTTP-043, in header order. `[]` means a directive without a value. */
const DEFAULT_CSP: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['base-uri', ["'self'"]],
  ['font-src', ["'self'", 'https:', 'data:']],
  ['frame-ancestors', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['object-src', ["'none'"]],
  ['script-src', ["'self'", "'unsafe-eval'"]],
  ['script-src-attr', ["'none'"]],
  ['style-src', ["'self'", 'https:', "'unsafe-inline'"]],
  ['upgrade-insecure-requests', []],
];

const REFERRER_TOKENS = new Set([
  'no-referrer',
  'no-referrer-when-downgrade',
  'origin',
  'origin-when-cross-origin',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
]);

/** The fixed headers of RHTTP-051. */
const STATIC_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * Computes, once at startup, every security header the root router sends (RHTTP-043 to
 * RHTTP-053): the Content-Security-Policy built from `backend.csp`, the Referrer-Policy from
 * `backend.referrer.policy`, and the fixed headers.
 *
 * **Details**: the headers do not depend on the request, so the middleware only copies this list;
 * that is cheaper than computing them per request. Cross-origin isolation headers (COEP, COOP,
 * CORP, Origin-Agent-Cluster) are deliberately absent (RHTTP-053).
 *
 * @throws RootHttpRouterError `RHTTP_INVALID_CSP` (RHTTP-048) or
 *   `RHTTP_INVALID_REFERRER_POLICY` (RHTTP-050), naming the directive or token.
 */
export function readSecurityHeaders(config: ConfigReader): Array<readonly [string, string]> {
  return [
    ['Content-Security-Policy', readCsp(config.getOptional('backend.csp'))],
    ['Referrer-Policy', readReferrerPolicy(config.getOptional('backend.referrer.policy'))],
    ...STATIC_HEADERS,
  ];
}

function readCsp(csp: unknown): string {
  const directives = new Map<string, readonly string[] | false>(DEFAULT_CSP);
  if (csp !== undefined && csp !== null) {
    if (typeof csp !== 'object' || Array.isArray(csp)) {
      throw invalidCsp(
        'backend.csp',
        'must be a mapping of directive names to lists of sources or false',
      );
    }
    for (const [key, value] of Object.entries(csp)) {
      const directive = key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      const configPath = `backend.csp.${key}`;
      if (value === false) {
        if (directive === 'default-src') {
          throw invalidCsp(
            configPath,
            'the default-src directive may not be removed (set to false)',
          );
        }
        directives.set(directive, false);
        continue;
      }
      if (!Array.isArray(value) || value.some((source) => typeof source !== 'string')) {
        throw invalidCsp(configPath, 'must be a list of strings or false');
      }
      const sources = value as string[];
      const bad = sources.find((source) => source.includes(';') || source.includes(','));
      if (bad !== undefined) {
        throw invalidCsp(
          configPath,
          `${JSON.stringify(bad)}; a source of directive ${directive} may not contain ';' or ','`,
        );
      }
      directives.set(directive, sources);
    }
  }
  const parts: string[] = [];
  for (const [directive, sources] of directives) {
    if (sources === false) continue;
    parts.push(sources.length === 0 ? directive : `${directive} ${sources.join(' ')}`);
  }
  return parts.join(';');
}

function readReferrerPolicy(policy: unknown): string {
  if (policy === undefined || policy === null) return 'no-referrer';
  const tokens = Array.isArray(policy) ? policy : [policy];
  if (tokens.length === 0) return 'no-referrer';
  for (const token of tokens) {
    if (typeof token !== 'string' || !REFERRER_TOKENS.has(token)) {
      throw new RootHttpRouterError('RHTTP_INVALID_REFERRER_POLICY', {
        configPath: 'backend.referrer.policy',
        value: JSON.stringify(token),
      });
    }
  }
  return tokens.join(',');
}

function invalidCsp(configPath: string, problem: string): RootHttpRouterError<'RHTTP_INVALID_CSP'> {
  return new RootHttpRouterError('RHTTP_INVALID_CSP', { configPath, problem });
}
