import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonObject, LoggerService } from '@openstage/spec';
import type { Request, RequestHandler } from 'express';

/**
 * Logs every finished request at info level (RHTTP-060) with `type: 'incomingRequest'`,
 * `method`, `url`, `status`, `httpVersion` and, when known, `userAgent`, `contentLength` and
 * `referrer`.
 *
 * **Details**: the work happens once, when the response finishes. The listener is one function
 * shared by every request (it reads the request back from `res.req`), so the per-request cost is
 * one listener registration and the log entry itself.
 */
export function createRequestLogger(logger: LoggerService): RequestHandler {
  function onFinish(this: ServerResponse<IncomingMessage>): void {
    const req = this.req as Request;
    const url = req.originalUrl ?? req.url ?? '';
    const meta: JsonObject = {
      type: 'incomingRequest',
      method: req.method ?? '',
      url,
      status: this.statusCode,
      httpVersion: req.httpVersion,
    };
    const userAgent = req.headers['user-agent'];
    if (userAgent !== undefined) meta['userAgent'] = userAgent;
    const contentLength = this.getHeader('content-length');
    if (contentLength !== undefined) meta['contentLength'] = Number(contentLength);
    const referrer = req.headers.referer;
    if (referrer !== undefined) meta['referrer'] = referrer;
    logger.info(`${req.method} ${url} ${this.statusCode}`, meta);
  }
  return (_req, res, next) => {
    // `on`, not `once`: a response finishes once, and `once` allocates a wrapper per request.
    res.on('finish', onFinish);
    next();
  };
}
