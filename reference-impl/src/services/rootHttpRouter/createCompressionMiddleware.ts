import { createRequire } from 'node:module';
import { ServerResponse } from 'node:http';
import compression from 'compression';
import type { RequestHandler } from 'express';

// compression's own helpers, loaded from where compression loads them, so that the fast path
// below decides exactly as compression does (same versions, same content-type table).
const fromCompression = createRequire(createRequire(import.meta.url).resolve('compression'));
const compressible = fromCompression('compressible') as (type: string) => boolean | undefined;
const vary = fromCompression('vary') as (res: ServerResponse, field: string) => void;
const onHeaders = fromCompression('on-headers') as (
  res: ServerResponse,
  listener: (this: ServerResponse) => void,
) => void;

const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/i;
const protoWrite = ServerResponse.prototype.write;
const protoEnd = ServerResponse.prototype.end;

type Chunk = string | Uint8Array;

// The proxies compression installs, minus the stream they would feed: shared functions rather
// than closures made per request. Like compression's, they send the headers before the body
// (so `end(chunk)` without a Content-Length is chunked, as it is under compression) and pass on
// only the chunk and its encoding.
function write(this: ServerResponse, chunk: Chunk, encoding?: BufferEncoding): boolean {
  if (!this.headersSent) this.writeHead(this.statusCode);
  return protoWrite.call(this, chunk, encoding as BufferEncoding);
}

function end(this: ServerResponse, chunk?: Chunk, encoding?: BufferEncoding): ServerResponse {
  if (!this.headersSent) this.writeHead(this.statusCode);
  return protoEnd.call(this, chunk, encoding as BufferEncoding);
}

function flush(): void {
  // Nothing is buffered when nothing is compressed.
}

// What compression does when the headers go out, up to where it would look at the body size
// and the accepted encodings: announce that the response varies with Accept-Encoding when its
// type could be compressed.
function varyIfCompressible(this: ServerResponse): void {
  const type = this.getHeader('Content-Type');
  if (type === undefined || !compressible(type as string)) return;
  const cacheControl = this.getHeader('Cache-Control');
  if (cacheControl && NO_TRANSFORM.test(cacheControl as string)) return;
  vary(this, 'Accept-Encoding');
}

/**
 * Response compression (RHTTP-059): the `compression` middleware, with a fast path for requests
 * it can never compress.
 *
 * **Details**: compression encodes only for a request with an `Accept-Encoding` header (without
 * one it settles on `identity`), yet it wraps every response in several closures and a `close`
 * listener. A request without the header, to a response whose `write` and `end` nobody has
 * replaced, gets the same observable result (the `Vary` header, headers sent before the body,
 * `res.flush()`) from shared functions instead; every other request goes through compression.
 */
export function createCompressionMiddleware(): RequestHandler {
  const full = compression();
  return (req, res, next) => {
    if (req.headers['accept-encoding'] || res.write !== protoWrite || res.end !== protoEnd) {
      full(req, res, next);
      return;
    }
    res.write = write as typeof res.write;
    res.end = end as typeof res.end;
    (res as ServerResponse & { flush(): void }).flush = flush;
    onHeaders(res, varyIfCompressible);
    next();
  };
}
