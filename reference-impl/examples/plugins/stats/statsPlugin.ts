import { Router, type NextFunction, type Request, type Response } from 'express';
import { coreServices, createBackendPlugin } from '../../../src/authoring/index.js';
import type { Todo } from '../todo/index.js';

/** What `GET /api/stats/summary` answers. */
export interface TodoSummary {
  total: number;
  done: number;
  open: number;
}

/**
 * The `stats` plugin: `GET /api/stats/summary`, open to anyone, computed by calling the `todo`
 * plugin over HTTP with a plugin token of its own.
 */
export const statsPlugin = createBackendPlugin({
  pluginId: 'stats',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
      },
      async init({ httpRouter, auth, discovery, logger }) {
        async function fetchTodos(): Promise<Todo[]> {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: 'todo',
          });
          const response = await fetch(`${await discovery.getBaseUrl('todo')}/todos`, {
            headers: { authorization: `Bearer ${token}` },
          });
          if (!response.ok) {
            const error = new Error(
              `The todo plugin answered ${response.status} ${response.statusText}`,
            );
            error.name = 'ServiceUnavailableError';
            throw error;
          }
          return ((await response.json()) as { items: Todo[] }).items;
        }

        const router = Router();
        router.get('/summary', (_req: Request, res: Response, next: NextFunction) => {
          fetchTodos().then((todos) => {
            const done = todos.filter((t) => t.done).length;
            const summary: TodoSummary = { total: todos.length, done, open: todos.length - done };
            res.json(summary);
          }, next);
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/summary', allow: 'unauthenticated' });
        logger.info('Stats plugin ready');
      },
    });
  },
});
