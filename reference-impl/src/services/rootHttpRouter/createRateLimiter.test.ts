import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter, readRateLimitOptions, type RateLimiter } from './createRateLimiter.js';

const REDIS = process.env['OPENSTAGE_TEST_REDIS_CONNECTION_STRING'];
if (!REDIS)
  console.info(
    'Redis rate limit tests skipped: set OPENSTAGE_TEST_REDIS_CONNECTION_STRING to run them',
  );

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((fn) => fn()));
});

async function serve(limiter: RateLimiter) {
  const app = express();
  app.use(limiter.middleware);
  app.get('/ok', (_req, res) => void res.send('ok'));
  app.use(
    (error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).send(error.name);
    },
  );
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  cleanup.push(
    () => new Promise((resolve) => server.close(resolve)),
    () => limiter.close(),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/ok`;
}

describe('rate limit options', () => {
  it('RHTTP-062: true means 5 requests per minute with loopback exempt', () => {
    const options = readRateLimitOptions(true, 'backend.rateLimit');
    expect(options).toMatchObject({ limit: 5, windowMs: 60_000, store: { type: 'memory' } });
    expect([...(options?.ipAllowList ?? [])]).toEqual(['127.0.0.1', '0:0:0:0:0:0:0:1', '::1']);
  });

  it('RHTTP-061: unset or false means no limit', () => {
    expect(readRateLimitOptions(undefined, 'backend.rateLimit')).toBeUndefined();
    expect(readRateLimitOptions(false, 'backend.rateLimit')).toBeUndefined();
  });

  it('RHTTP-064: an invalid window fails naming its path; a redis store needs a connection', () => {
    expect(() =>
      readRateLimitOptions({ window: 'often' }, 'backend.rateLimit.plugin.todo'),
    ).toThrow(
      expect.objectContaining({
        code: 'CONF_INVALID_DURATION',
        configPath: 'backend.rateLimit.plugin.todo.window',
      }),
    );
    expect(() => readRateLimitOptions({ store: { type: 'redis' } }, 'backend.rateLimit')).toThrow(
      /backend\.rateLimit\.store\.connection/,
    );
  });

  it('RHTTP-064: skipSuccessfulRequests does not count successful requests', async () => {
    const options = readRateLimitOptions(
      { incomingRequestLimit: 1, ipAllowList: [], skipSuccessfulRequests: true },
      'r',
    )!;
    const url = await serve(createRateLimiter(options, 'test'));
    for (let i = 0; i < 3; i++) expect((await fetch(url)).status).toBe(200);
  });
});

describe.skipIf(!REDIS)(
  'rate limit in Redis (needs OPENSTAGE_TEST_REDIS_CONNECTION_STRING)',
  () => {
    const redis = (extra: Record<string, unknown> = {}) =>
      readRateLimitOptions(
        {
          incomingRequestLimit: 2,
          ipAllowList: [],
          store: { type: 'redis', connection: REDIS },
          ...extra,
        },
        'r',
      )!;
    const unique = () => `test-${process.pid}-${Math.random().toString(36).slice(2)}`;

    it('RHTTP-064: counters kept in Redis are shared by limiters with the same prefix', async () => {
      const prefix = unique();
      const a = await serve(createRateLimiter(redis(), prefix));
      const b = await serve(createRateLimiter(redis(), prefix));
      expect((await fetch(a)).status).toBe(200);
      expect((await fetch(b)).status).toBe(200);
      expect((await fetch(a)).status).toBe(429);
    });

    it('HTTP-035: limiters with different prefixes keep their counters apart in a shared store', async () => {
      const a = await serve(
        createRateLimiter(redis({ incomingRequestLimit: 1 }), `${unique()}-plugin:a`),
      );
      const b = await serve(
        createRateLimiter(redis({ incomingRequestLimit: 1 }), `${unique()}-plugin:b`),
      );
      expect((await fetch(a)).status).toBe(200);
      expect((await fetch(b)).status).toBe(200);
      expect((await fetch(a)).status).toBe(429);
    });
  },
);

describe('rate limit store failures', () => {
  const unreachable = (passOnStoreError: boolean) =>
    readRateLimitOptions(
      {
        incomingRequestLimit: 1,
        ipAllowList: [],
        passOnStoreError,
        store: { type: 'redis', connection: 'redis://127.0.0.1:1' },
      },
      'r',
    )!;

  it('RHTTP-064: with passOnStoreError a failing store lets requests through', async () => {
    const url = await serve(createRateLimiter(unreachable(true), 'x'));
    expect((await fetch(url)).status).toBe(200);
  });

  it('RHTTP-064: without passOnStoreError a failing store fails the request', async () => {
    const url = await serve(createRateLimiter(unreachable(false), 'x'));
    expect((await fetch(url)).status).toBe(500);
  });
});
