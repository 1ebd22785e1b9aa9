import type { ErrorCode } from '@openstage/spec';

/** The catalog codes the scheduler service raises (spec/docs/services/scheduler.md, "Errors"). */
export type SchedulerErrorCode = Extract<ErrorCode, `SCHED_${string}`>;

/** The Backstage error class name each code is raised as, so `error.name` checks keep working. */
const ERROR_NAMES: Readonly<Record<SchedulerErrorCode, string>> = {
  SCHED_INVALID_TASK_ID: 'InputError',
  SCHED_DUPLICATE_TASK: 'ConflictError',
  SCHED_INVALID_FREQUENCY: 'InputError',
  SCHED_INVALID_DURATION: 'InputError',
  SCHED_INVALID_SCOPE: 'InputError',
  SCHED_PERSIST_FAILED: 'Error',
  SCHED_TASK_NOT_FOUND: 'NotFoundError',
  SCHED_TASK_RUNNING: 'ConflictError',
  SCHED_TASK_NOT_RUNNING: 'ConflictError',
};

/** The culprit fields of a scheduler error. */
export interface SchedulerErrorDetails {
  /** The plugin whose scheduler raised the error, when known. */
  pluginId?: string;
  /** The task the error is about, when it has a usable id. */
  taskId?: string;
  /** The schedule field (`frequency`, `timeout`, ...) or config key that holds the bad value. */
  configPath?: string;
}

/**
 * An error of the scheduler service, narrowable by `code`. `name` is the Backstage error class
 * the chapter names (`InputError`, `ConflictError`, `NotFoundError`).
 *
 * It lives here rather than in `src/errors/errorCatalog.ts` because the catalog does not yet hold
 * the `SCHED_*` codes; when it does, this class can be replaced by `OpenstageError` without
 * changing `code`, `pluginId` or `configPath`, which are the stable parts.
 */
export class SchedulerError extends Error {
  override readonly name: string;
  readonly code: SchedulerErrorCode;
  readonly pluginId: string | undefined;
  readonly taskId: string | undefined;
  readonly configPath: string | undefined;

  constructor(
    code: SchedulerErrorCode,
    message: string,
    details: SchedulerErrorDetails = {},
    options?: { cause?: unknown; verbatim?: boolean },
  ) {
    // `verbatim` keeps a message the spec fixes word for word (SCHED-138) free of the code suffix.
    super(options?.verbatim === true ? message : `${message} [${code}]`, options);
    this.name = ERROR_NAMES[code];
    this.code = code;
    this.pluginId = details.pluginId;
    this.taskId = details.taskId;
    this.configPath = details.configPath;
  }
}

/** Whether `error` is a scheduler error, optionally with the given code. */
export function isSchedulerError(
  error: unknown,
  code?: SchedulerErrorCode,
): error is SchedulerError {
  return error instanceof SchedulerError && (code === undefined || error.code === code);
}
