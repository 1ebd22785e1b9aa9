import { createRequire } from 'node:module';
import type { LoggerService } from '@openstage/spec';
import type Cors from 'cors';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ConfigReader } from './ConfigReader.js';
import { createCompressionMiddleware } from './createCompressionMiddleware.js';
import { createErrorHandler } from './createErrorHandler.js';
import { createNotFoundHandler } from './createNotFoundHandler.js';
import { createRateLimiter, readRateLimitOptions, type RateLimiter } from './createRateLimiter.js';
import { createRequestLogger } from './createRequestLogger.js';
import { createSecurityHeadersMiddleware } from './createSecurityHeadersMiddleware.js';
import { readCorsOptions } from './readCorsOptions.js';
import { readSecurityHeaders } from './readSecurityHeaders.js';

// `cors` is required when `backend.cors` is configured, not by every backend (issue 10).
const require = createRequire(import.meta.url);

/** What a piece turned off by configuration returns; the default pipeline leaves it out. */
export const passThrough: RequestHandler = (_req, _res, next) => next();

/**
 * The middleware of the root router's pipeline (RHTTP-038), each built from configuration.
 *
 * **When to use**: in a `configure` callback of the `rootHttpRouter` factory, to assemble a
 * pipeline of one's own from the default pieces.
 *
 * **Details**: every configuration value is read and checked when the factory is created, so
 * that bad configuration fails the backend at startup rather than on the first request. A piece
 * that is turned off by configuration (CORS, rate limit) is a pass-through.
 */
export class MiddlewareFactory {
  readonly #logger: LoggerService;
  readonly #securityHeaders: ReadonlyArray<readonly [string, string]>;
  readonly #cors: ReturnType<typeof readCorsOptions>;
  readonly #rateLimit: ReturnType<typeof readRateLimitOptions>;
  readonly #limiters: RateLimiter[] = [];

  static create(options: { config: ConfigReader; logger: LoggerService }): MiddlewareFactory {
    return new MiddlewareFactory(options.config, options.logger);
  }

  private constructor(config: ConfigReader, logger: LoggerService) {
    this.#logger = logger;
    this.#securityHeaders = readSecurityHeaders(config);
    this.#cors = readCorsOptions(config);
    const rateLimit = config.getOptional('backend.rateLimit');
    const global =
      typeof rateLimit === 'object' &&
      rateLimit !== null &&
      (rateLimit as { global?: unknown }).global === false
        ? undefined
        : rateLimit;
    this.#rateLimit = readRateLimitOptions(global, 'backend.rateLimit');
  }

  /** Security headers: CSP, Referrer-Policy and the fixed ones (RHTTP-043 to RHTTP-053). */
  helmet(): RequestHandler {
    return createSecurityHeadersMiddleware(this.#securityHeaders);
  }

  /** CORS from `backend.cors`; a pass-through when it is unset (RHTTP-054 to RHTTP-058). */
  cors(): RequestHandler {
    return this.#cors === undefined ? passThrough : (require('cors') as typeof Cors)(this.#cors);
  }

  /** Response compression (RHTTP-059). */
  compression(): RequestHandler {
    return createCompressionMiddleware();
  }

  /** One info entry per finished request (RHTTP-060). */
  logging(): RequestHandler {
    return createRequestLogger(this.#logger);
  }

  /** The global rate limit; a pass-through unless `backend.rateLimit` enables it (RHTTP-061). */
  rateLimit(): RequestHandler {
    if (this.#rateLimit === undefined) return passThrough;
    const limiter = createRateLimiter(this.#rateLimit, 'global');
    this.#limiters.push(limiter);
    return limiter.middleware;
  }

  /** Releases what the middleware holds (the rate limit's Redis connection); called at shutdown. */
  async close(): Promise<void> {
    await Promise.all(this.#limiters.splice(0).map((limiter) => limiter.close()));
  }

  /** 404 with an empty body (RHTTP-065). */
  notFound(): RequestHandler {
    return createNotFoundHandler();
  }

  /** The JSON error response (RHTTP-066 to RHTTP-074). */
  error(): ErrorRequestHandler {
    return createErrorHandler({ logger: this.#logger });
  }
}
