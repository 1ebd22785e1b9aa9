import type {
  AuditorService,
  CacheService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@openstage/spec';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { TodoTitleRule } from './todoRulesExtensionPoint.js';
import { TodoError } from './TodoError.js';
import type { Todo, TodoStore } from './TodoStore.js';
import { todoItemWritePermission } from './todoPermissions.js';

/** What the todo routes need. */
export interface TodoRouterOptions {
  store: TodoStore;
  cache: CacheService;
  auditor: AuditorService;
  permissions: PermissionsService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  titleRules: readonly TodoTitleRule[];
}

const LIST_KEY = 'todos';
const MAX_TITLE_LENGTH = 200;

type AsyncHandler = (req: Request, res: Response) => Promise<void>;

/** Express 4 does not catch rejected promises; hand them to the error handler. */
const handle =
  (fn: AsyncHandler) =>
  (req: Request, res: Response, next: NextFunction): void => {
    fn(req, res).catch(next);
  };

/**
 * `GET /todos` (cached), `POST /todos` and `PATCH /todos/:id`. Every route needs credentials
 * (the default auth policy); writes also need `todo.item.write` and are audited.
 */
export function createTodoRouter(options: TodoRouterOptions): Router {
  const { store, cache, auditor, permissions, httpAuth, logger, titleRules } = options;
  const router = Router();
  router.use(express.json());

  router.get(
    '/todos',
    handle(async (_req, res) => {
      const cached = await cache.get<Todo[]>(LIST_KEY);
      if (cached) {
        res.json({ items: cached, cached: true });
        return;
      }
      const items = await store.list();
      await cache.set(LIST_KEY, items, { ttl: 10_000 });
      res.json({ items, cached: false });
    }),
  );

  /** Checks credentials and permission, then runs `write` inside an audit event. */
  async function audited<T>(
    req: Request,
    eventId: string,
    write: (subject: string) => Promise<T>,
  ): Promise<T> {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const subject =
      credentials.principal.type === 'user'
        ? credentials.principal.userEntityRef
        : credentials.principal.subject;
    const event = await auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta: { actor: subject },
    });
    try {
      const [decision] = await permissions.authorize([{ permission: todoItemWritePermission }], {
        credentials,
      });
      if (decision?.result !== 'ALLOW')
        throw new TodoError('NotAllowedError', `${subject} may not write todos`);
      const result = await write(subject);
      await event.success();
      await cache.delete(LIST_KEY);
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  router.post(
    '/todos',
    handle(async (req, res) => {
      const title = readTitle(req.body, titleRules);
      const todo = await audited(req, 'todo-create', (subject) => store.create(title, subject));
      logger.info(`Created todo ${todo.id} for ${todo.createdBy}`);
      res.status(201).json(todo);
    }),
  );

  router.patch(
    '/todos/:id',
    handle(async (req, res) => {
      const id = Number(req.params['id']);
      const done = (req.body as { done?: unknown } | undefined)?.done;
      if (!Number.isInteger(id))
        throw new TodoError('InputError', `Todo id must be an integer, got '${req.params['id']}'`);
      if (typeof done !== 'boolean')
        throw new TodoError('InputError', 'Body must be { "done": true | false }');
      const todo = await audited(req, 'todo-update', async () => {
        const updated = await store.setDone(id, done);
        if (!updated) throw new TodoError('NotFoundError', `No todo with id ${id}`);
        return updated;
      });
      res.json(todo);
    }),
  );

  return router;
}

function readTitle(body: unknown, rules: readonly TodoTitleRule[]): string {
  const title = (body as { title?: unknown } | undefined)?.title;
  if (typeof title !== 'string' || title.trim() === '') {
    throw new TodoError('InputError', 'Body must be { "title": "<non-empty string>" }');
  }
  if (title.length > MAX_TITLE_LENGTH) {
    throw new TodoError(
      'InputError',
      `Title is ${title.length} characters long; the limit is ${MAX_TITLE_LENGTH}`,
    );
  }
  for (const rule of rules) {
    const refusal = rule(title);
    if (refusal !== undefined) throw new TodoError('InputError', refusal);
  }
  return title.trim();
}
