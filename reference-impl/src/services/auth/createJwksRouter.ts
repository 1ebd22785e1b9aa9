import type { AuthService } from '@openstage/spec';
import express, { type Router } from 'express';
import { PLUGIN_JWKS_PATH } from './plugin/PluginTokenHandler.js';

/**
 * The route that publishes a plugin's public keys:
 * `GET <plugin base>/.backstage/auth/v1/jwks.json` answers `{ keys }` from
 * `auth.listPublicServiceKeys()` (HTTP-012).
 *
 * **Mounting**: the httpRouter service mounts this router at the plugin's base path in front of
 * the lifecycle gate and the credentials barrier, because other plugins must fetch the keys
 * without credentials and before this plugin has started (HTTP-011, HTTP-013).
 */
export function createJwksRouter(auth: Pick<AuthService, 'listPublicServiceKeys'>): Router {
  const router = express.Router();
  router.get(PLUGIN_JWKS_PATH, (_req, res, next) => {
    auth.listPublicServiceKeys().then(
      ({ keys }) => {
        res.json({ keys });
      },
      (error: unknown) => next(error),
    );
  });
  return router;
}
