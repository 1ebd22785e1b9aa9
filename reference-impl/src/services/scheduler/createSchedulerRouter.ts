import express from 'express';
import type { PluginTaskScheduler } from './PluginTaskScheduler.js';
import { isSchedulerError } from './SchedulerError.js';

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  SCHED_TASK_NOT_FOUND: 404,
  SCHED_TASK_RUNNING: 409,
  SCHED_TASK_NOT_RUNNING: 409,
};

/**
 * The scheduler's routes under the plugin's router (SCHED-111 to SCHED-121). They are added with
 * no auth policy, so the plugin's credentials barrier guards them (SCHED-122, SCHED-123).
 */
export function createSchedulerRouter(scheduler: PluginTaskScheduler): express.Router {
  const router = express.Router();
  const base = '/.backstage/scheduler/v1/tasks';

  router.get(base, (_req, res, next) => {
    scheduler.listTaskDetails().then((tasks) => res.status(200).json({ tasks }), next);
  });

  const action =
    (method: 'triggerTask' | 'cancelTask'): express.RequestHandler<{ id: string }> =>
    (req, res, next) => {
      scheduler[method](req.params.id).then(
        () => res.status(200).end(),
        (error: unknown) => {
          const status = isSchedulerError(error) ? STATUS_BY_CODE[error.code] : undefined;
          if (status === undefined || !isSchedulerError(error)) return next(error);
          res
            .status(status)
            .json({ error: { name: error.name, message: error.message, code: error.code } });
        },
      );
    };
  router.post(`${base}/:id/trigger`, action('triggerTask'));
  router.post(`${base}/:id/cancel`, action('cancelTask'));
  return router;
}
