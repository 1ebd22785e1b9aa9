import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import compression from 'compression';
import express, { type RequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompressionMiddleware } from './createCompressionMiddleware.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const LARGE = 'openstage '.repeat(400);

/** The same routes behind `middleware`, covering what compression looks at. */
function serve(middleware: RequestHandler): Promise<Server> {
  const app = express();
  app.use(middleware);
  app.get('/small', (_req, res) => void res.json({ message: 'pong' }));
  app.get('/large', (_req, res) => void res.type('text/plain').send(LARGE));
  app.get('/raw', (_req, res) => void res.end('no length given'));
  app.get('/written', (_req, res) => {
    res.setHeader('Content-Type', 'text/plain');
    res.write('first ');
    (res as unknown as { flush(): void }).flush();
    res.end('second');
  });
  app.get('/image', (_req, res) => void res.type('image/png').send(Buffer.alloc(2048, 1)));
  app.get('/no-transform', (_req, res) => {
    res.setHeader('Cache-Control', 'public, no-transform');
    res.type('text/plain').send(LARGE);
  });
  app.get('/write-head', (_req, res) => {
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end('{"created":true}');
  });
  app.get('/write-head-reason', (_req, res) => {
    res.writeHead(202, 'Taken', [['Content-Type', 'text/plain']]);
    res.end(LARGE);
  });
  app.get('/write-head-flat', (_req, res) => {
    res.writeHead(200, ['Content-Type', 'application/json', 'X-Extra', 'yes']);
    res.end('{"flat":true}');
  });
  app.get('/wrapped-write-head', (_req, res) => {
    // A handler that wraps writeHead itself, as on-headers users do, around the middleware's.
    const inner = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: unknown[]) {
      this.setHeader('X-Wrapped', 'yes');
      return (inner as (...a: unknown[]) => typeof res).apply(this, args);
    } as typeof res.writeHead;
    res.json({ message: 'wrapped' });
  });
  // An express app called as a plain handler, as a plugin's router may be: it resets the
  // response's prototype to its own.
  const subApp = express();
  subApp.get('/', (_req, res) => void res.json({ message: 'from a sub-app' }));
  app.use('/sub-app', (req, res, next) => subApp(req, res, next));
  app.get('/varied', (_req, res) => {
    res.setHeader('Vary', 'Origin');
    res.json({ message: 'varied' });
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function fetchRaw(
  server: Server,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<RawResponse> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** What must not differ: everything but the date. */
function comparable(response: RawResponse): Omit<RawResponse, 'headers'> & {
  headers: Record<string, unknown>;
} {
  const { date: _date, ...headers } = response.headers;
  return { ...response, headers };
}

describe('createCompressionMiddleware', () => {
  let reference: Server;
  let subject: Server;
  beforeAll(async () => {
    reference = await serve(compression());
    subject = await serve(createCompressionMiddleware());
  });
  afterAll(async () => {
    await Promise.all(
      [reference, subject].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
    );
  });

  const paths = [
    '/small',
    '/large',
    '/raw',
    '/written',
    '/image',
    '/no-transform',
    '/write-head',
    '/write-head-reason',
    '/write-head-flat',
    '/wrapped-write-head',
    '/sub-app',
    '/varied',
  ];
  const encodings: Array<Record<string, string>> = [
    {},
    { 'accept-encoding': '' },
    { 'accept-encoding': 'gzip' },
    { 'accept-encoding': 'identity' },
    { 'accept-encoding': 'br;q=1, gzip;q=0.5' },
  ];

  it.each(paths)(
    'RHTTP-059: %s answers exactly as the compression middleware does',
    async (path) => {
      for (const headers of encodings) {
        for (const method of ['GET', 'HEAD']) {
          const [expected, actual] = await Promise.all([
            fetchRaw(reference, path, headers, method),
            fetchRaw(subject, path, headers, method),
          ]);
          expect(comparable(actual), `${method} ${path} with ${JSON.stringify(headers)}`).toEqual(
            comparable(expected),
          );
        }
      }
    },
  );

  it('RHTTP-059: a large body is compressed for a client that accepts gzip', async () => {
    const response = await fetchRaw(subject, '/large', { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.body.length).toBeLessThan(LARGE.length);
  });

  it('RHTTP-059: without Accept-Encoding, nothing is compressed and Vary still names it', async () => {
    const response = await fetchRaw(subject, '/large', {});
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['vary']).toBe('Accept-Encoding');
    expect(response.body.toString()).toBe(LARGE);
  });
});
