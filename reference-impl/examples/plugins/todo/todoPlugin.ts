import type { DatabaseService } from '@openstage/spec';
import type { Knex } from 'knex';
import { coreServices, createBackendPlugin } from '../../../src/authoring/index.js';
import { createTodoRouter } from './createTodoRouter.js';
import { migrateTodos } from './migrateTodos.js';
import { todoItemWritePermission } from './todoPermissions.js';
import { todoRulesExtensionPoint, type TodoTitleRule } from './todoRulesExtensionPoint.js';
import { TodoStore } from './TodoStore.js';

/**
 * The `todo` plugin: a todo list in the plugin's own database, served at `/api/todo/todos`.
 * Modules add title rules through {@link todoRulesExtensionPoint}.
 */
export const todoPlugin = createBackendPlugin({
  pluginId: 'todo',
  register(env) {
    const titleRules: TodoTitleRule[] = [];
    env.registerExtensionPoint(todoRulesExtensionPoint, {
      addTitleRule(rule) {
        if (typeof rule !== 'function') throw new TypeError('addTitleRule expects a function');
        titleRules.push(rule);
      },
    });

    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        database: coreServices.database,
        cache: coreServices.cache,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
      },
      async init({
        httpRouter,
        database,
        cache,
        auditor,
        permissions,
        permissionsRegistry,
        httpAuth,
        logger,
      }) {
        // The spec leaves the client type open; Backstage-compatible runtimes hand out knex.
        const knex = await (database as DatabaseService<Knex>).getClient();
        if (!database.migrations?.skip) await migrateTodos(knex);
        permissionsRegistry.addPermissions([todoItemWritePermission]);
        httpRouter.use(
          createTodoRouter({
            store: new TodoStore(knex),
            cache,
            auditor,
            permissions,
            httpAuth,
            logger,
            titleRules,
          }),
        );
        logger.info(`Todo plugin ready with ${titleRules.length} title rule(s)`);
      },
    });
  },
});
