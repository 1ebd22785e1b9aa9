import type { RequestHandler } from 'express';

/** RHTTP-065: status 404 with an empty body. */
export function createNotFoundHandler(): RequestHandler {
  return (_req, res) => {
    res.status(404).end();
  };
}
