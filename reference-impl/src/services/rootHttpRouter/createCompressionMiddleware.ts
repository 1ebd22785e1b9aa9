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
const protoWriteHead = ServerResponse.prototype.writeHead;

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

/**
 * What on-headers's `writeHead` wrapper does, as one shared function: the check before the
 * headers go out, then the real `writeHead`. The call `writeHead(status)` that `write` and `end`
 * make is handled here; one with a status message or headers goes through on-headers itself,
 * which sets those headers before the check sees them. on-headers runs the check on the first
 * call only; here it runs on every call made before the headers are out, which is the same,
 * because the check only ever adds `Accept-Encoding` to `Vary` when it is not there yet.
 */
function writeHead(
  this: ServerResponse,
  statusCode: number,
  _reasonOrHeaders?: unknown,
  _headers?: unknown,
): ServerResponse {
  if (arguments.length === 1) {
    this.statusCode = statusCode;
    if (!this.headersSent) varyIfCompressible.call(this);
    return protoWriteHead.call(this, this.statusCode);
  }
  // A holder rather than the response: whatever wrapped this function stays in place.
  const holder = { writeHead: protoWriteHead } as unknown as ServerResponse;
  onHeaders(holder, this.headersSent ? noop : varyIfCompressible);
  return (holder.writeHead as (...args: unknown[]) => ServerResponse).apply(
    this,
    // eslint-disable-next-line prefer-rest-params -- the call's own arguments, however many
    arguments as unknown as unknown[],
  );
}

function noop(): void {
  // The headers are out; Node's writeHead throws for them.
}

// What compression does when the headers go out, up to where it would look at the body size
// and the accepted encodings: announce that the response varies with Accept-Encoding when its
// type could be compressed.
function varyIfCompressible(this: ServerResponse): void {
  const type = this.getHeader('Content-Type');
  if (type === undefined || !isCompressible(type)) return;
  const cacheControl = this.getHeader('Cache-Control');
  if (cacheControl && NO_TRANSFORM.test(cacheControl as string)) return;
  // vary() on a response without a Vary header sets exactly this.
  if (!this.getHeader('Vary')) this.setHeader('Vary', 'Accept-Encoding');
  else vary(this, 'Accept-Encoding');
}

/** compressible's answers for the content types seen so far; a server uses only a handful. */
const compressibleTypes = new Map<string, boolean>();
const MAX_CACHED_TYPES = 64;

function isCompressible(type: number | string | string[]): boolean {
  if (typeof type !== 'string') return false; // as compressible answers for anything else
  let answer = compressibleTypes.get(type);
  if (answer === undefined) {
    answer = Boolean(compressible(type));
    if (compressibleTypes.size < MAX_CACHED_TYPES) compressibleTypes.set(type, answer);
  }
  return answer;
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
 * Those functions are installed only on a response whose `write`, `end` and `writeHead` are
 * still Node's, which they call.
 */
export function createCompressionMiddleware(): RequestHandler {
  const full = compression();
  return (req, res, next) => {
    if (
      req.headers['accept-encoding'] ||
      res.write !== protoWrite ||
      res.end !== protoEnd ||
      res.writeHead !== protoWriteHead
    ) {
      full(req, res, next);
      return;
    }
    // Own properties, as compression's: an express app a plugin mounts resets the response's
    // prototype to its own, which would drop methods installed on a prototype.
    res.write = write as typeof res.write;
    res.end = end as typeof res.end;
    res.writeHead = writeHead as typeof res.writeHead;
    (res as ServerResponse & { flush(): void }).flush = flush;
    next();
  };
}
