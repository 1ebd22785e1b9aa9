import type { AuthService, HttpAuthService } from '@openstage/spec';
import type { RequestHandler } from 'express';

const JWKS_PATH = '/.backstage/auth/v1/jwks.json';
const COOKIE_PATH = '/.backstage/auth/v1/cookie';
/** A cheap pre-check, so that plugin traffic skips the URL parsing behind `req.path`. */
const PREFIX = '/.backstage/auth/v1/';

/**
 * `GET /.backstage/auth/v1/jwks.json`: the plugin's public service keys as `{ keys }` (HTTP-012).
 * Sits in front of the lifecycle gate and the barrier, so it answers without credentials and
 * before the plugin has started (HTTP-013).
 */
export function createJwksRoute(auth: Pick<AuthService, 'listPublicServiceKeys'>): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' || !req.url.startsWith(PREFIX) || req.path !== JWKS_PATH) {
      next();
      return;
    }
    auth.listPublicServiceKeys().then(({ keys }) => {
      res.json({ keys });
    }, next);
  };
}

/**
 * `GET` and `DELETE /.backstage/auth/v1/cookie`, behind the barrier (HTTP-032, HTTP-033): issue
 * the user cookie for the request's credentials and answer `{ expiresAt }`, or clear it and
 * answer 204.
 */
export function createCookieRoutes(options: {
  auth: Pick<AuthService, 'getNoneCredentials'>;
  httpAuth: Pick<HttpAuthService, 'issueUserCookie'>;
}): RequestHandler {
  const { auth, httpAuth } = options;
  return (req, res, next) => {
    if (!req.url.startsWith(PREFIX) || req.path !== COOKIE_PATH) {
      next();
      return;
    }
    if (req.method === 'GET') {
      httpAuth.issueUserCookie(res).then(({ expiresAt }) => {
        res.json({ expiresAt: expiresAt.toISOString() });
      }, next);
      return;
    }
    if (req.method === 'DELETE') {
      auth
        .getNoneCredentials()
        .then((credentials) => httpAuth.issueUserCookie(res, { credentials }))
        .then(() => {
          res.status(204).end();
        }, next);
      return;
    }
    next();
  };
}
