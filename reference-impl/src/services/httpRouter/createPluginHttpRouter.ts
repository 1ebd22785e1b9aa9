import type {
  AuthService,
  HttpAuthService,
  HttpRequestHandler,
  HttpRouterService,
  HttpRouterServiceAuthPolicy,
  LoggerService,
} from '@openstage/spec';
import type { RequestHandler } from 'express';
import {
  composeHandlers,
  createErrorHandler,
  type ComposableHandler,
} from '../rootHttpRouter/index.js';
import { compileAuthPolicyPath } from './compileAuthPolicyPath.js';
import { createCookieRoutes, createJwksRoute } from './createAuthIntegrationRoutes.js';
import { createCredentialsBarrier } from './createCredentialsBarrier.js';
import {
  createLifecycleGate,
  type LifecycleGate,
  type LifecycleGateHooks,
} from './createLifecycleGate.js';
import { HttpRouterError } from './HttpRouterError.js';

/** What one plugin's router needs. */
export interface PluginHttpRouterOptions {
  pluginId: string;
  logger: LoggerService;
  lifecycle: LifecycleGateHooks;
  auth: Pick<AuthService, 'listPublicServiceKeys' | 'getNoneCredentials'>;
  httpAuth: Pick<HttpAuthService, 'credentials' | 'issueUserCookie'>;
  /** How long the lifecycle gate holds a request before the plugin has started (HTTP-017). */
  startupRequestPauseTimeoutMs: number;
  /** `backend.auth.dangerouslyDisableDefaultAuthPolicy` (HTTP-029). */
  disableDefaultAuthPolicy: boolean;
  /** The per-plugin rate limit, when `backend.rateLimit.plugin.<pluginId>` sets one (HTTP-034). */
  rateLimit?: RequestHandler;
}

/** A plugin's `httpRouter` service, with the express router to mount at `/api/<pluginId>`. */
export interface PluginHttpRouter {
  readonly service: HttpRouterService;
  readonly handler: RequestHandler;
  readonly gate: LifecycleGate;
}

/**
 * Builds one plugin's router (HTTP-002 to HTTP-036) with the chain of HTTP-011: rate limit, the
 * JWKS route, the lifecycle gate, the credentials barrier, the cookie routes, the plugin's
 * handlers, and the plugin's own error handler.
 */
export function createPluginHttpRouter(options: PluginHttpRouterOptions): PluginHttpRouter {
  const { pluginId } = options;
  const gate = createLifecycleGate({
    lifecycle: options.lifecycle,
    timeoutMs: options.startupRequestPauseTimeoutMs,
  });
  const barrier = createCredentialsBarrier({
    httpAuth: options.httpAuth,
    disabled: options.disableDefaultAuthPolicy,
  });
  // One composed chain rather than express routers (one for the chain, one for the plugin's
  // handlers): every request of the plugin passes through it, and express's layers cost more than
  // the middleware they hold. The plugin's handlers go in before the error handler, at the end.
  const chain: ComposableHandler[] = [];
  if (options.rateLimit) chain.push(options.rateLimit);
  chain.push(
    createJwksRoute(options.auth),
    gate.middleware,
    barrier.middleware,
    createCookieRoutes({ auth: options.auth, httpAuth: options.httpAuth }),
    createErrorHandler({ logger: options.logger }),
  );
  const router = composeHandlers(chain);

  const service: HttpRouterService = {
    use(handler: HttpRequestHandler): void {
      if (typeof handler !== 'function') {
        throw new HttpRouterError('HTTP_INVALID_HANDLER', {
          pluginId,
          received: describe(handler),
        });
      }
      // The spec's handler type is framework-neutral; at run time it is an express handler.
      chain.splice(chain.length - 1, 0, handler as unknown as RequestHandler);
    },
    addAuthPolicy(policy: HttpRouterServiceAuthPolicy): void {
      const { path, allow } = (policy ?? {}) as Partial<HttpRouterServiceAuthPolicy>;
      if (allow !== 'unauthenticated' && allow !== 'user-cookie') {
        throw new HttpRouterError('HTTP_INVALID_AUTH_POLICY', {
          pluginId,
          received: describe(allow),
        });
      }
      const matches = typeof path === 'string' ? compileAuthPolicyPath(path) : undefined;
      if (matches === undefined) {
        throw new HttpRouterError('HTTP_INVALID_AUTH_POLICY_PATH', {
          pluginId,
          received: describe(path),
        });
      }
      barrier.addPolicy(allow, matches);
    },
  };
  return { service, handler: router, gate };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return `a ${typeof value}`;
}
