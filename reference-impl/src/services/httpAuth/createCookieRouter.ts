import type { AuthService, HttpAuthService } from '@openstage/spec';
import express, { type Router } from 'express';

/** The path of the cookie endpoints, relative to a plugin's base path. */
export const COOKIE_PATH = '/.backstage/auth/v1/cookie';

/**
 * The cookie endpoints of a plugin (HTTP-032, HTTP-033): `GET` issues the `backstage-auth`
 * cookie for the caller and answers `{ expiresAt }`; `DELETE` clears it and answers 204.
 *
 * **Mounting**: the httpRouter service mounts this router at the plugin's base path behind the
 * credentials barrier and in front of the plugin's own routes (HTTP-011). A service caller gets
 * 403 from `GET`, because cookies are only for users (HAUTH-053).
 */
export function createCookieRouter(options: {
  httpAuth: HttpAuthService;
  auth: Pick<AuthService, 'getNoneCredentials'>;
}): Router {
  const { httpAuth, auth } = options;
  const router = express.Router();
  router.get(COOKIE_PATH, (_req, res, next) => {
    httpAuth.issueUserCookie(res).then(({ expiresAt }) => {
      res.json({ expiresAt: expiresAt.toISOString() });
    }, next);
  });
  router.delete(COOKIE_PATH, (_req, res, next) => {
    auth
      .getNoneCredentials()
      .then((credentials) => httpAuth.issueUserCookie(res, { credentials }))
      .then(() => {
        res.status(204).end();
      }, next);
  });
  return router;
}
