import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { JsonObject, LoggerService, RootHealthService } from '@openstage/spec';
import express, { Router, type RequestHandler } from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConfigReader } from './ConfigReader.js';
import { createRootHttpRouter, type RootHttpRouterFactoryOptions } from './createRootHttpRouter.js';
import { createSelfSignedCertificate } from './createSelfSignedCertificate.js';

/** Response bodies are checked field by field by the assertions; a loose type keeps them readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Loose = any;

/** Types an inline express handler for `use`, whose parameter types are framework-neutral. */
const handler = (fn: RequestHandler) => fn;

// --- small fakes -----------------------------------------------------------------------------

interface LogEntry {
  level: string;
  message: string;
  meta?: Error | JsonObject;
}

function fakeLogger(entries: LogEntry[]): LoggerService {
  const logger: LoggerService = {
    error: (message, meta) =>
      void entries.push({ level: 'error', message, ...(meta ? { meta } : {}) }),
    warn: (message, meta) =>
      void entries.push({ level: 'warn', message, ...(meta ? { meta } : {}) }),
    info: (message, meta) =>
      void entries.push({ level: 'info', message, ...(meta ? { meta } : {}) }),
    debug: (message, meta) =>
      void entries.push({ level: 'debug', message, ...(meta ? { meta } : {}) }),
    child: () => logger,
  };
  return logger;
}

function configOf(data: JsonObject): ConfigReader {
  return {
    getOptional<T>(key?: string): T | undefined {
      let node: unknown = data;
      for (const part of (key ?? '').split('.').filter(Boolean)) {
        if (typeof node !== 'object' || node === null) return undefined;
        node = (node as Record<string, unknown>)[part];
      }
      return node as T | undefined;
    },
  };
}

function fakeRootLifecycle() {
  const beforeShutdown: Array<() => void | Promise<void>> = [];
  const shutdown: Array<() => void | Promise<void>> = [];
  return {
    addBeforeShutdownHook: (hook: () => void | Promise<void>) => void beforeShutdown.push(hook),
    addShutdownHook: (hook: () => void | Promise<void>) => void shutdown.push(hook),
    beforeShutdownHooks: beforeShutdown,
    runBeforeShutdown: () => Promise.all(beforeShutdown.map((hook) => hook())),
    runShutdown: () => Promise.all(shutdown.map((hook) => hook())),
  };
}

const health: RootHealthService = {
  getLiveness: async () => ({ status: 200, payload: { status: 'ok' } }),
  getReadiness: async () => ({
    status: 503,
    payload: { status: 'error', message: 'Backend has not started yet' },
  }),
};

const running: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((stop) => stop()));
  vi.unstubAllEnvs();
});

async function start(backend: JsonObject = {}, options: RootHttpRouterFactoryOptions = {}) {
  const logs: LogEntry[] = [];
  const lifecycle = fakeRootLifecycle();
  const started = await createRootHttpRouter(
    {
      config: configOf({ backend: { listen: { host: '127.0.0.1', port: 0 }, ...backend } }),
      logger: fakeLogger(logs),
      lifecycle,
      health,
    },
    options,
  );
  running.push(lifecycle.runShutdown);
  const base = `${backend['https'] ? 'https' : 'http'}://127.0.0.1:${started.server.port()}`;
  return { ...started, logs, lifecycle, base };
}

function echo(): Router {
  const router = Router();
  router.use((req, res) => {
    res.json({ url: req.url, baseUrl: req.baseUrl, originalUrl: req.originalUrl });
  });
  return router;
}

async function freePortInUse(): Promise<{ port: number; close: () => Promise<void> }> {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as AddressInfo;
  return { port, close: () => new Promise((resolve) => blocker.close(() => resolve())) };
}

// --- mounting and dispatch -------------------------------------------------------------------

describe('rootHttpRouter: mounting over a real server', () => {
  it('RHTTP-002, RHTTP-003: a mounted handler receives its path and below, relative to the mount', async () => {
    const { router, base } = await start();
    router.use('/foo', echo());
    await expect((await fetch(`${base}/foo`)).json()).resolves.toEqual({
      url: '/',
      baseUrl: '/foo',
      originalUrl: '/foo',
    });
    await expect((await fetch(`${base}/foo/bar?x=1`)).json()).resolves.toEqual({
      url: '/bar?x=1',
      baseUrl: '/foo',
      originalUrl: '/foo/bar?x=1',
    });
    await expect((await fetch(`${base}/FOO/bar`)).json()).resolves.toMatchObject({
      url: '/bar',
      baseUrl: '/FOO',
    });
    expect((await fetch(`${base}/foobar`)).status).toBe(404);
  });

  it('RHTTP-002: multi-segment mounts and an express app as the handler', async () => {
    const { router, base } = await start();
    const app = express();
    app.get('/x', (_req, res) => void res.send('app-x'));
    router.use('/api/catalog/', app);
    router.use('/api/todo', echo());
    expect(await (await fetch(`${base}/api/catalog/x`)).text()).toBe('app-x');
    await expect((await fetch(`${base}/api/todo/items/1`)).json()).resolves.toMatchObject({
      url: '/items/1',
    });
  });

  it('RHTTP-004: an empty path or one of only slashes and whitespace is refused', async () => {
    const { router } = await start();
    for (const path of ['', '   ', '/', '//', ' / ']) {
      expect(() => router.use(path, echo())).toThrow(
        expect.objectContaining({ code: 'RHTTP_EMPTY_PATH' }),
      );
    }
  });

  it('RHTTP-005: overlapping paths conflict regardless of case and trailing slashes, naming both', async () => {
    const { router } = await start();
    router.use('/api/catalog', echo());
    for (const path of ['/api/catalog/sub', '/api', '/API/Catalog/', '/api/catalog']) {
      let error: unknown;
      try {
        router.use(path, echo());
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: 'RHTTP_PATH_CONFLICT' });
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toContain('/api/catalog');
    }
    expect(() => router.use('/api/catalogue', echo())).not.toThrow();
  });

  it('RHTTP-006: a failed use leaves earlier mounts untouched', async () => {
    const { router, base } = await start();
    router.use('/a', echo());
    expect(() => router.use('/a/b', echo())).toThrow();
    await expect((await fetch(`${base}/a/b`)).json()).resolves.toMatchObject({
      baseUrl: '/a',
      url: '/b',
    });
  });

  it('RHTTP-007: a handler mounted after listening receives requests from then on', async () => {
    const { router, base } = await start();
    expect((await fetch(`${base}/late`)).status).toBe(404);
    router.use('/late', echo());
    expect((await fetch(`${base}/late`)).status).toBe(200);
  });

  it('RHTTP-010, RHTTP-011: unmatched paths outside /api go to the handler at /api/app, path unchanged', async () => {
    const { router, base } = await start();
    router.use('/api/app', echo());
    await expect((await fetch(`${base}/catalog/entity/x`)).json()).resolves.toMatchObject({
      url: '/catalog/entity/x',
    });
    await expect((await fetch(`${base}/api/app/static/a.js`)).json()).resolves.toMatchObject({
      url: '/static/a.js',
    });
  });

  it('RHTTP-012: unmatched /api paths get the 404 response, never the index handler', async () => {
    const { router, base } = await start();
    router.use('/api/app', echo());
    for (const path of ['/api', '/api/', '/api/unknown/x', '/API/unknown']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('');
    }
  });

  it('RHTTP-009, RHTTP-011: a custom indexPath selects the fallback handler', async () => {
    const { router, base } = await start({}, { indexPath: '/frontend' });
    router.use('/frontend', echo());
    await expect((await fetch(`${base}/some/page`)).json()).resolves.toMatchObject({
      url: '/some/page',
    });
  });

  it('RHTTP-013: with indexPath false, unmatched paths get 404', async () => {
    const { router, base } = await start({}, { indexPath: false });
    router.use('/api/app', echo());
    expect((await fetch(`${base}/some/page`)).status).toBe(404);
  });

  it('RHTTP-014: an empty indexPath fails the factory', async () => {
    await expect(start({}, { indexPath: '' })).rejects.toMatchObject({
      code: 'RHTTP_INVALID_INDEX_PATH',
    });
  });

  it('HTTP-015 (root side): a mount that passes a non-/api request on leads to the index handler', async () => {
    const { router, base } = await start();
    router.use('/pages', (_req, _res, next) => next());
    router.use('/api/app', echo());
    await expect((await fetch(`${base}/pages/x`)).json()).resolves.toMatchObject({
      url: '/pages/x',
    });
  });
});

// --- listening ------------------------------------------------------------------------------

describe('rootHttpRouter: listening', () => {
  it('RHTTP-015, RHTTP-017, RHTTP-023: the server listens on a free port before the factory returns and logs it', async () => {
    const { base, logs, server } = await start();
    expect(server.port()).toBeGreaterThan(0);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: `Listening on 127.0.0.1:${server.port()}`,
      }),
    );
    expect((await fetch(`${base}/.backstage/health/v1/liveness`)).status).toBe(200);
  });

  it('RHTTP-016: a port in use fails the factory naming host and port', async () => {
    const blocker = await freePortInUse();
    try {
      const lifecycle = fakeRootLifecycle();
      const error = await createRootHttpRouter({
        config: configOf({ backend: { listen: `127.0.0.1:${blocker.port}` } }),
        logger: fakeLogger([]),
        lifecycle,
        health,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'RHTTP_LISTEN_FAILED', configPath: 'backend.listen' });
      expect((error as Error).message).toContain(`127.0.0.1:${blocker.port}`);
      expect((error as Error).cause).toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await blocker.close();
    }
  });

  it('RHTTP-020: a <host>:<port> string listens on that host', async () => {
    const { server } = await start({ listen: '127.0.0.1:0' });
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('RHTTP-022: a bad listen string fails before anything listens', async () => {
    await expect(start({ listen: '7007abc' })).rejects.toMatchObject({
      code: 'RHTTP_INVALID_LISTEN_ADDRESS',
      configPath: 'backend.listen',
    });
  });

  it('RHTTP-024: without backend.https the server speaks plain HTTP', async () => {
    const { base } = await start();
    expect(base.startsWith('http://')).toBe(true);
    expect((await fetch(`${base}/.backstage/health/v1/liveness`)).status).toBe(200);
  });
});

// --- HTTPS ----------------------------------------------------------------------------------

function getPeerCertificate(port: number, ca?: string) {
  return new Promise<{ status: number; subjectaltname: string | undefined }>((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        servername: 'localhost',
        port,
        path: '/.backstage/health/v1/liveness',
        agent: false,
        ...(ca ? { ca, checkServerIdentity: () => undefined } : { rejectUnauthorized: false }),
      },
      (res) => {
        const certificate = (res.socket as TLSSocket).getPeerCertificate();
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, subjectaltname: certificate.subjectaltname }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('rootHttpRouter: HTTPS', () => {
  it('RHTTP-025: https true serves a self-signed certificate for the host of backend.baseUrl', async () => {
    const { server } = await start({ https: true, baseUrl: 'https://localhost:7007' });
    const answer = await getPeerCertificate(server.port());
    expect(answer.status).toBe(200);
    expect(answer.subjectaltname).toContain('DNS:localhost');
  });

  it('RHTTP-026: https true without backend.baseUrl fails naming backend.baseUrl', async () => {
    await expect(start({ https: true })).rejects.toMatchObject({
      code: 'RCFG_MISSING_VALUE',
      configPath: 'backend.baseUrl',
    });
  });

  it('RHTTP-027: https true with an invalid backend.baseUrl fails naming the value', async () => {
    const error = await start({ https: true, baseUrl: 'not a url' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RHTTP_INVALID_BASE_URL' });
    expect((error as Error).message).toContain('not a url');
  });

  it('RHTTP-029: a configured PEM certificate and key are served', async () => {
    const pem = createSelfSignedCertificate('configured.example');
    const { server } = await start({ https: { certificate: { cert: pem.cert, key: pem.key } } });
    const answer = await getPeerCertificate(server.port(), pem.cert);
    expect(answer.status).toBe(200);
    expect(answer.subjectaltname).toBe('DNS:configured.example');
  });

  it('RHTTP-030: a certificate section without key fails naming the absent key', async () => {
    const pem = createSelfSignedCertificate('x.example');
    await expect(start({ https: { certificate: { cert: pem.cert } } })).rejects.toMatchObject({
      code: 'RCFG_MISSING_VALUE',
      configPath: 'backend.https.certificate.key',
    });
    await expect(start({ https: { certificate: { key: pem.key } } })).rejects.toMatchObject({
      code: 'RCFG_MISSING_VALUE',
      configPath: 'backend.https.certificate.cert',
    });
  });

  it('RHTTP-031: invalid PEM or a key of another certificate fails naming the config path', async () => {
    const a = createSelfSignedCertificate('a.example');
    const b = createSelfSignedCertificate('b.example');
    await expect(
      start({ https: { certificate: { cert: 'garbage', key: a.key } } }),
    ).rejects.toMatchObject({
      code: 'RHTTP_INVALID_CERTIFICATE',
      configPath: 'backend.https.certificate.cert',
    });
    await expect(
      start({ https: { certificate: { cert: a.cert, key: 'garbage' } } }),
    ).rejects.toMatchObject({
      code: 'RHTTP_INVALID_CERTIFICATE',
      configPath: 'backend.https.certificate.key',
    });
    await expect(
      start({ https: { certificate: { cert: a.cert, key: b.key } } }),
    ).rejects.toMatchObject({
      code: 'RHTTP_INVALID_CERTIFICATE',
      configPath: 'backend.https.certificate.key',
    });
  });
});

// --- server options and proxies ---------------------------------------------------------------

describe('rootHttpRouter: server options', () => {
  it('RHTTP-032, RHTTP-033: timeouts (ms or duration) and limits are applied to the server', async () => {
    const { server } = await start({
      server: {
        headersTimeout: 12_000,
        requestTimeout: '30s',
        keepAliveTimeout: { seconds: 3 },
        timeout: 'PT1M',
        maxHeadersCount: 50,
        maxRequestsPerSocket: 7,
      },
    });
    expect(server.server).toMatchObject({
      headersTimeout: 12_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 3_000,
      timeout: 60_000,
      maxHeadersCount: 50,
      maxRequestsPerSocket: 7,
    });
  });

  it('RHTTP-034: unset options keep the platform defaults', async () => {
    const { createServer: createPlain } = await import('node:http');
    const plain = createPlain();
    const { server } = await start();
    for (const key of [
      'headersTimeout',
      'requestTimeout',
      'keepAliveTimeout',
      'timeout',
      'maxHeadersCount',
      'maxRequestsPerSocket',
    ] as const) {
      expect(server.server[key]).toBe(plain[key]);
    }
  });

  it('RHTTP-035: an unparseable timeout fails naming its config path', async () => {
    for (const bad of ['soon', '100', -5, { fortnights: 1 }]) {
      await expect(start({ server: { keepAliveTimeout: bad } })).rejects.toMatchObject({
        code: 'CONF_INVALID_DURATION',
        configPath: 'backend.server.keepAliveTimeout',
      });
    }
  });

  it('RHTTP-036, RHTTP-037: X-Forwarded-For is used only when backend.trustProxy allows it', async () => {
    const ipOf = async (backend: JsonObject) => {
      const { router, base } = await start(backend);
      router.use(
        '/ip',
        handler((req, res) => void res.send(req.ip)),
      );
      return (await fetch(`${base}/ip`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).text();
    };
    expect(await ipOf({})).not.toBe('203.0.113.9');
    expect(await ipOf({ trustProxy: true })).toBe('203.0.113.9');
    expect(await ipOf({ trustProxy: 'loopback' })).toBe('203.0.113.9');
    expect(await ipOf({ trustProxy: '10.0.0.0/8' })).not.toBe('203.0.113.9');
  });
});

// --- pipeline ---------------------------------------------------------------------------------

describe('rootHttpRouter: pipeline', () => {
  it('RHTTP-038, HLTH-005: health endpoints come before mounted routes; headers reach 404 and error responses', async () => {
    const { router, base } = await start();
    router.use(
      '/.backstage',
      handler((_req, res) => void res.status(418).end()),
    );
    router.use('/boom', () => {
      throw new Error('boom');
    });
    expect((await fetch(`${base}/.backstage/health/v1/liveness`)).status).toBe(200);
    expect((await fetch(`${base}/.backstage/other`)).status).toBe(418);
    for (const path of ['/nothing-here', '/boom']) {
      const response = await fetch(`${base}${path}`);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });

  it('RHTTP-039, RHTTP-040: configure replaces the default pipeline and receives the context', async () => {
    let keys: string[] = [];
    const { router, base } = await start(
      {},
      {
        configure(context) {
          keys = Object.keys(context).sort();
          context.app.use(context.routes);
        },
      },
    );
    expect(keys).toEqual([
      'app',
      'applyDefaults',
      'config',
      'healthRouter',
      'lifecycle',
      'logger',
      'middleware',
      'routes',
      'server',
    ]);
    router.use('/x', echo());
    const response = await fetch(`${base}/x`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect((await fetch(`${base}/.backstage/health/v1/liveness`)).status).toBe(404);
  });

  it('RHTTP-041: applyDefaults installs the default pipeline from configure', async () => {
    const { base } = await start(
      {},
      {
        configure({ app, applyDefaults }) {
          app.use(
            '/custom',
            handler((_req, res) => void res.send('custom')),
          );
          applyDefaults();
        },
      },
    );
    expect(await (await fetch(`${base}/custom`)).text()).toBe('custom');
    const liveness = await fetch(`${base}/.backstage/health/v1/liveness`);
    expect(liveness.status).toBe(200);
    expect(liveness.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('RHTTP-042: in development JSON bodies are indented by two spaces', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const { base } = await start();
    expect(await (await fetch(`${base}/.backstage/health/v1/liveness`)).text()).toBe(
      '{\n  "status": "ok"\n}',
    );
  });

  it('RHTTP-043, RHTTP-049, RHTTP-051, RHTTP-052, RHTTP-053: default security headers', async () => {
    const { base } = await start();
    const { headers } = await fetch(`${base}/.backstage/health/v1/liveness`);
    expect(headers.get('content-security-policy')).toBe(
      "default-src 'self';base-uri 'self';font-src 'self' https: data:;frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self' 'unsafe-eval';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests",
    );
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-dns-prefetch-control')).toBe('off');
    expect(headers.get('x-download-options')).toBe('noopen');
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('x-permitted-cross-domain-policies')).toBe('none');
    expect(headers.get('x-xss-protection')).toBe('0');
    for (const absent of [
      'x-powered-by',
      'cross-origin-embedder-policy',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
      'origin-agent-cluster',
    ]) {
      expect(headers.get(absent)).toBeNull();
    }
  });

  it('RHTTP-044 to RHTTP-047, RHTTP-049: backend.csp and backend.referrer.policy shape the headers', async () => {
    const { base } = await start({
      csp: {
        scriptSrc: ["'self'"],
        'img-src': [],
        upgradeInsecureRequests: false,
        'connect-src': ["'self'", 'https://x.example'],
      },
      referrer: { policy: ['no-referrer', 'strict-origin-when-cross-origin'] },
    });
    const { headers } = await fetch(`${base}/.backstage/health/v1/liveness`);
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp.split(';')).toContain("script-src 'self'");
    expect(csp.split(';')).toContain('img-src');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp.split(';')).toContain("connect-src 'self' https://x.example");
    expect(headers.get('referrer-policy')).toBe('no-referrer,strict-origin-when-cross-origin');
  });

  it('RHTTP-048, RHTTP-050: invalid CSP or referrer configuration fails the factory naming the culprit', async () => {
    await expect(start({ csp: { defaultSrc: false } })).rejects.toMatchObject({
      code: 'RHTTP_INVALID_CSP',
      configPath: 'backend.csp.defaultSrc',
    });
    const error = await start({ csp: { 'script-src': ["'self'; object-src *"] } }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'RHTTP_INVALID_CSP',
      configPath: 'backend.csp.script-src',
    });
    expect((error as Error).message).toContain('script-src');
    const referrer = await start({ referrer: { policy: 'sometimes' } }).catch((e: unknown) => e);
    expect(referrer).toMatchObject({ code: 'RHTTP_INVALID_REFERRER_POLICY' });
    expect((referrer as Error).message).toContain('sometimes');
  });

  it('RHTTP-054: without backend.cors no Access-Control-Allow-* header is sent', async () => {
    const { base } = await start();
    const response = await fetch(`${base}/.backstage/health/v1/liveness`, {
      headers: { origin: 'https://a.example' },
    });
    expect(
      [...response.headers.keys()].filter((key) => key.startsWith('access-control-allow')),
    ).toEqual([]);
  });

  it('RHTTP-055, RHTTP-056: matching origins are echoed with Vary: Origin; others get nothing', async () => {
    const { base } = await start({
      cors: { origin: ['https://*.example.com', 'http://localhost:3000'] },
    });
    const url = `${base}/.backstage/health/v1/liveness`;
    const allowed = await fetch(url, { headers: { origin: 'https://App.Example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://App.Example.com');
    expect(allowed.headers.get('vary')).toContain('Origin');
    for (const origin of [
      'https://evil.com',
      'https://a.b/c.example.com',
      'http://localhost:3001',
    ]) {
      const refused = await fetch(url, { headers: { origin } });
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('RHTTP-057: backend.cors without origin allows no origin', async () => {
    const { base } = await start({ cors: { credentials: true } });
    const response = await fetch(`${base}/.backstage/health/v1/liveness`, {
      headers: { origin: 'https://a.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('RHTTP-058: preflights follow methods, allowedHeaders, credentials, maxAge and optionsSuccessStatus', async () => {
    const { base } = await start({
      cors: {
        origin: 'https://a.example',
        methods: ['GET', 'POST'],
        credentials: true,
        maxAge: 600,
        exposedHeaders: ['x-total'],
      },
    });
    const preflight = await fetch(`${base}/anything`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://a.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-custom',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('x-custom');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    const simple = await fetch(`${base}/.backstage/health/v1/liveness`, {
      headers: { origin: 'https://a.example' },
    });
    expect(simple.headers.get('access-control-expose-headers')).toBe('x-total');
  });

  it('RHTTP-059: bodies are compressed when Accept-Encoding allows it', async () => {
    const { router, base } = await start();
    router.use(
      '/big',
      handler((_req, res) => void res.json({ data: 'x'.repeat(10_000) })),
    );
    const response = await fetch(`${base}/big`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(((await response.json()) as Loose).data).toHaveLength(10_000);
  });

  it('RHTTP-060: every finished request is logged at info with its fields', async () => {
    const { router, base, logs } = await start();
    router.use(
      '/hello',
      handler((_req, res) => void res.status(201).send('hi')),
    );
    await (
      await fetch(`${base}/hello?q=1`, {
        headers: { 'user-agent': 'test-agent', referer: 'https://r.example/' },
      })
    ).text();
    await vi.waitFor(() => {
      expect(logs).toContainEqual(
        expect.objectContaining({
          level: 'info',
          meta: expect.objectContaining({
            type: 'incomingRequest',
            method: 'GET',
            url: '/hello?q=1',
            status: 201,
            httpVersion: '1.1',
            userAgent: 'test-agent',
            referrer: 'https://r.example/',
            contentLength: 2,
          }),
        }),
      );
    });
  });

  it('RHTTP-061: no global rate limit unless configured', async () => {
    const { base } = await start({
      rateLimit: { global: false, incomingRequestLimit: 1, ipAllowList: [] },
    });
    for (let i = 0; i < 3; i++)
      expect((await fetch(`${base}/.backstage/health/v1/liveness`)).status).toBe(200);
  });

  it('RHTTP-062, RHTTP-063: requests over the global limit get 429 with the fixed body; allow-listed addresses are exempt', async () => {
    const { base } = await start({
      rateLimit: { incomingRequestLimit: 2, window: '1m', ipAllowList: [] },
    });
    const url = `${base}/.backstage/health/v1/liveness`;
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url)).status).toBe(200);
    const refused = await fetch(url);
    expect(refused.status).toBe(429);
    expect((await refused.json()) as Loose).toMatchObject({
      error: { name: 'Error', message: 'Too many requests, please try again later' },
      response: { statusCode: 429 },
    });
    const exempt = await start({ rateLimit: true });
    for (let i = 0; i < 7; i++)
      expect((await fetch(`${exempt.base}/.backstage/health/v1/liveness`)).status).toBe(200);
  });

  it('RHTTP-064: skipFailedRequests does not count failed requests', async () => {
    const { router, base } = await start({
      rateLimit: { incomingRequestLimit: 1, ipAllowList: [], skipFailedRequests: true },
    });
    router.use(
      '/ok',
      handler((_req, res) => void res.send('ok')),
    );
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${base}/missing`);
      expect(response.status).toBe(404);
      await response.text();
    }
    expect((await fetch(`${base}/ok`)).status).toBe(200);
    expect((await fetch(`${base}/ok`)).status).toBe(429);
  });
});

// --- shutdown ---------------------------------------------------------------------------------

describe('rootHttpRouter: shutdown', () => {
  it('RHTTP-075: the shutdown hook stops accepting, lets a request in flight finish, and closes idle connections', async () => {
    const { router, base, lifecycle, server } = await start();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    router.use(
      '/slow',
      handler(async (_req, res) => {
        await gate;
        res.send('done');
      }),
    );
    expect((await fetch(`${base}/.backstage/health/v1/liveness`)).status).toBe(200); // leaves an idle keep-alive socket
    const inFlight = fetch(`${base}/slow`);
    await vi.waitFor(() => expect(server.server.listening).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stopped = lifecycle.runShutdown();
    await vi.waitFor(() => expect(server.server.listening).toBe(false));
    await expect(fetch(`${base}/.backstage/health/v1/liveness`)).rejects.toThrow();
    release();
    expect(await (await inFlight).text()).toBe('done');
    await stopped;
    expect(server.server.listening).toBe(false);
  });

  it('RHTTP-076: in development the shutdown hook closes connections at once', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const { router, base, lifecycle } = await start();
    router.use('/hang', () => {
      /* never answers */
    });
    const hanging = fetch(`${base}/hang`).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await lifecycle.runShutdown();
    expect(await hanging).toBeInstanceOf(Error);
  });

  it('RHTTP-077: serverShutdownDelay registers a before-shutdown hook that waits while requests are served', async () => {
    const { base, lifecycle } = await start({ lifecycle: { serverShutdownDelay: '50ms' } });
    expect(lifecycle.beforeShutdownHooks).toHaveLength(1);
    let settled = false;
    const delay = lifecycle.runBeforeShutdown().then(() => (settled = true));
    expect((await fetch(`${base}/.backstage/health/v1/liveness`)).status).toBe(200);
    expect(settled).toBe(false);
    await delay;
    expect(settled).toBe(true);
  });

  it('RHTTP-077: without serverShutdownDelay no before-shutdown hook is registered', async () => {
    const { lifecycle } = await start();
    expect(lifecycle.beforeShutdownHooks).toHaveLength(0);
  });
});
