import type { RequestHandler } from 'express';

/** Sets precomputed headers on every response (see `readSecurityHeaders`). */
export function createSecurityHeadersMiddleware(
  headers: ReadonlyArray<readonly [string, string]>,
): RequestHandler {
  const list = headers.slice();
  return (_req, res, next) => {
    for (let i = 0; i < list.length; i++) {
      const header = list[i]!;
      res.setHeader(header[0], header[1]);
    }
    next();
  };
}
