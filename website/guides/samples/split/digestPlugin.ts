import { coreServices, createBackendPlugin } from '@openstage/reference-impl';
import express from 'express';

/**
 * The `digest` plugin: `GET /api/digest/summary`, open to anyone, counts the bookmarks of the
 * `bookmarks` plugin. It reaches `bookmarks` over HTTP only, so it works whether both plugins
 * run in one backend or in two deployments.
 */
export const digestPlugin = createBackendPlugin({
  pluginId: 'digest',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ httpRouter, auth, discovery }) {
        // #region call
        async function countBookmarks(): Promise<number> {
          // A token that proves "plugin digest" to "plugin bookmarks", wherever it runs.
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: 'bookmarks',
          });
          // Asked right before each call, so a change of discovery.endpoints applies at once.
          const baseUrl = await discovery.getBaseUrl('bookmarks');
          const response = await fetch(`${baseUrl}/bookmarks`, {
            headers: { authorization: `Bearer ${token}` },
          });
          if (!response.ok) throw new Error(`bookmarks answered ${response.status}`);
          return ((await response.json()) as { items: unknown[] }).items.length;
        }
        // #endregion call

        const router = express.Router();
        router.get('/summary', (_req, res, next) => {
          countBookmarks().then((count) => res.json({ bookmarks: count }), next);
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/summary', allow: 'unauthenticated' });
      },
    });
  },
});
