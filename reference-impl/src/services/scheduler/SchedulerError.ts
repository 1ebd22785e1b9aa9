import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorCode, ErrorDetails } from '../../errors/errorCatalog.js';

/** The catalog codes the scheduler service raises (spec/docs/services/scheduler.md, "Errors"). */
export type SchedulerErrorCode = Extract<ErrorCode, `SCHED_${string}`>;

/**
 * The culprit fields of a scheduler error with code `C`: the plugin and task when known, and for
 * schedule errors the field (`frequency`, `timeout`, ...) or config key that holds the bad value.
 */
export type SchedulerErrorDetails<C extends SchedulerErrorCode = SchedulerErrorCode> =
  ErrorDetails<C>;

/**
 * An error of the scheduler service, narrowable by `code`. Its requirement, hint and `name` come
 * from the error catalog (`src/errors/errorCatalog.ts`): the Backstage error class the chapter
 * names (`InputError`, `ConflictError`, `NotFoundError`). The catalog words the message from
 * the culprit fields in `details`, naming the plugin and task.
 */
export class SchedulerError<
  C extends SchedulerErrorCode = SchedulerErrorCode,
> extends OpenstageError<C> {
  declare readonly taskId: string | undefined;

  constructor(
    code: C,
    details: SchedulerErrorDetails<C>,
    options?: { cause?: unknown; verbatim?: boolean },
  ) {
    // `verbatim` keeps a message the spec fixes word for word (SCHED-138) free of the code suffix.
    super(code, details, options);
    const { taskId } = details as { taskId?: string };
    if (taskId !== undefined)
      Object.defineProperty(this, 'taskId', { value: taskId, enumerable: true });
  }
}

/** Whether `error` is a scheduler error, optionally with the given code. */
export function isSchedulerError(
  error: unknown,
  code?: SchedulerErrorCode,
): error is SchedulerError {
  return error instanceof SchedulerError && (code === undefined || error.code === code);
}
