import { coreServices, createBackendPlugin } from '@openstage/reference-impl';
import express from 'express';
import {
  bookmarkRulesExtensionPoint,
  type BookmarkRule,
} from '../extension-point/bookmarkRulesExtensionPoint.js';

interface Bookmark {
  url: string;
  createdBy: string;
}

/**
 * The `bookmarks` plugin: a list of links, served at `/api/bookmarks/bookmarks`. Modules add
 * rules for new bookmarks through {@link bookmarkRulesExtensionPoint}.
 */
export const bookmarksPlugin = createBackendPlugin({
  pluginId: 'bookmarks',
  register(env) {
    // #region extension-point
    const rules: BookmarkRule[] = [];
    env.registerExtensionPoint(bookmarkRulesExtensionPoint, {
      addRule(rule) {
        rules.push(rule);
      },
    });
    // #endregion extension-point

    // #region init
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
      },
      async init({ httpRouter, httpAuth, logger }) {
        // Kept in memory to keep the sample short; a real plugin uses coreServices.database.
        const bookmarks: Bookmark[] = [];
        const router = express.Router();
        router.use(express.json());

        router.get('/bookmarks', (_req, res) => {
          res.json({ items: bookmarks });
        });

        // Express 4 does not catch a rejected promise: hand errors to `next`, so the backend's
        // error handler answers (403 for a caller that is not a user, for example).
        router.post('/bookmarks', (req, res, next) => {
          addBookmark(req).then((result) => {
            res.status(result.status).json(result.body);
          }, next);
        });

        async function addBookmark(req: express.Request) {
          const credentials = await httpAuth.credentials(req, { allow: ['user'] });
          let url: URL;
          try {
            url = new URL(String((req.body as { url?: unknown } | undefined)?.url));
          } catch {
            return { status: 400, body: { error: { message: 'url must be an absolute URL' } } };
          }
          const refused = rules.map((rule) => rule(url)).find((reason) => reason !== undefined);
          if (refused) return { status: 400, body: { error: { message: refused } } };
          const bookmark = { url: url.href, createdBy: credentials.principal.userEntityRef };
          bookmarks.push(bookmark);
          return { status: 201, body: bookmark };
        }

        httpRouter.use(router);
        logger.info(`Bookmarks ready with ${rules.length} rule(s)`);
      },
    });
    // #endregion init
  },
});
