import type { Request, RequestHandler, Response } from 'express';
import { MemoryRateLimitStore } from './MemoryRateLimitStore.js';
import type { RateLimitHit, RateLimitStore } from './RateLimitStore.js';
import { readDuration } from './readDuration.js';
import { RedisRateLimitStore } from './RedisRateLimitStore.js';

/** The settings of one rate limit, as read by {@link readRateLimitOptions}. */
export interface RateLimitOptions {
  /** Requests each client address may make per window. */
  limit: number;
  windowMs: number;
  /** Client addresses that are never limited. */
  ipAllowList: ReadonlySet<string>;
  skipSuccessfulRequests: boolean;
  skipFailedRequests: boolean;
  /** Let requests through when the store fails, instead of failing them. */
  passOnStoreError: boolean;
  store: { type: 'memory' } | { type: 'redis'; connection: string };
}

const DEFAULT_ALLOW_LIST = ['127.0.0.1', '0:0:0:0:0:0:0:1', '::1'];

/**
 * Reads a rate limit mapping (RHTTP-062, RHTTP-064, HTTP-034): `incomingRequestLimit` (default 5),
 * `window` (a duration, default one minute), `ipAllowList`, the skip flags, `passOnStoreError`
 * and `store`. `true` means every default. Returns `undefined` when the value is unset or `false`.
 *
 * @throws ConfigError `CONF_INVALID_DURATION` naming `<configPath>.window`.
 */
export function readRateLimitOptions(
  value: unknown,
  configPath: string,
): RateLimitOptions | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  const section = value === true ? {} : (value as Record<string, unknown>);
  const limit = section['incomingRequestLimit'];
  const allow = section['ipAllowList'];
  const store = section['store'] as { type?: unknown; connection?: unknown } | undefined;
  if (
    store?.type === 'redis' &&
    (typeof store.connection !== 'string' || store.connection === '')
  ) {
    throw new TypeError(
      `${configPath}.store.connection must be a Redis connection string when ${configPath}.store.type is 'redis'`,
    );
  }
  return {
    limit: typeof limit === 'number' && limit >= 0 ? limit : 5,
    windowMs:
      section['window'] === undefined
        ? 60_000
        : readDuration(section['window'], `${configPath}.window`),
    ipAllowList: new Set(
      Array.isArray(allow)
        ? allow.filter((a): a is string => typeof a === 'string')
        : DEFAULT_ALLOW_LIST,
    ),
    skipSuccessfulRequests: section['skipSuccessfulRequests'] === true,
    skipFailedRequests: section['skipFailedRequests'] === true,
    passOnStoreError: section['passOnStoreError'] === true,
    store:
      store?.type === 'redis'
        ? { type: 'redis', connection: store.connection as string }
        : { type: 'memory' },
  };
}

/** A rate limit: its middleware and how to release its store. */
export interface RateLimiter {
  readonly middleware: RequestHandler;
  close(): Promise<void>;
}

/**
 * A fixed-window rate limit per client address (RHTTP-062 to RHTTP-064, HTTP-034 to HTTP-036).
 *
 * **Details**: every limiter has its own counters; in a shared Redis store they live under
 * `prefix`, so a plugin's limit never counts requests to other plugins or the global limit. With
 * the in-memory store the per-request cost is a map lookup and no promise.
 */
export function createRateLimiter(
  options: RateLimitOptions,
  prefix: string,
  store?: RateLimitStore,
): RateLimiter {
  const counters =
    store ??
    (options.store.type === 'redis'
      ? new RedisRateLimitStore({
          connection: options.store.connection,
          prefix: `openstage:ratelimit:${prefix}:`,
          windowMs: options.windowMs,
        })
      : new MemoryRateLimitStore(options.windowMs));
  const refunds = options.skipFailedRequests || options.skipSuccessfulRequests;
  const decide = (
    req: Request,
    res: Response,
    next: (error?: unknown) => void,
    key: string,
    hit: RateLimitHit,
  ): void => {
    if (hit.count > options.limit) {
      res.setHeader(
        'Retry-After',
        String(Math.max(0, Math.ceil((hit.resetAt - Date.now()) / 1000))),
      );
      res.status(429).json({
        error: { name: 'Error', message: 'Too many requests, please try again later' },
        request: { method: req.method, url: req.url },
        response: { statusCode: 429 },
      });
      return;
    }
    if (refunds) {
      res.once('finish', () => {
        const failed = res.statusCode >= 400;
        if ((failed && options.skipFailedRequests) || (!failed && options.skipSuccessfulRequests)) {
          void Promise.resolve(counters.decrement(key, hit)).catch(() => {});
        }
      });
    }
    next();
  };
  const middleware: RequestHandler = (req, res, next) => {
    const key = clientAddress(req);
    if (options.ipAllowList.has(key)) {
      next();
      return;
    }
    let hit: RateLimitHit | Promise<RateLimitHit>;
    try {
      hit = counters.increment(key);
    } catch (error) {
      if (options.passOnStoreError) next();
      else next(error);
      return;
    }
    if (!(hit instanceof Promise)) {
      decide(req, res, next, key, hit);
      return;
    }
    hit.then(
      (resolved) => decide(req, res, next, key, resolved),
      (error: unknown) => (options.passOnStoreError ? next() : next(error)),
    );
  };
  return { middleware, close: () => counters.close() };
}

function clientAddress(req: Request): string {
  const ip = req.ip ?? req.socket.remoteAddress ?? '';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
