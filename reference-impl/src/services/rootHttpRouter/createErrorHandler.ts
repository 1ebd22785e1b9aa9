import { randomBytes } from 'node:crypto';
import type { LoggerService } from '@openstage/spec';
import type { ErrorRequestHandler } from 'express';
import { STATUS_BY_ERROR_NAME } from '../../errors/statusByErrorName.js';

/** Options of {@link createErrorHandler}. */
export interface ErrorHandlerOptions {
  /** Where errors with status 500 or more are logged (RHTTP-071). */
  logger: LoggerService;
  /** Include stacks in bodies (RHTTP-070). Defaults to `NODE_ENV === 'development'`. */
  showStackTraces?: boolean;
}

/**
 * The JSON error response of the root router and of every plugin router (RHTTP-066 to RHTTP-074,
 * HTTP-014).
 *
 * **Details**: the status comes from the error's `statusCode` or `status` when that is an integer
 * from 100 to 599, else from its `name`, else 500. The body is
 * `{ error, request: { method, url }, response: { statusCode } }`, where `url` is the path as the
 * answering router sees it. Values that are not errors, and errors of database drivers, are
 * replaced by an opaque error with a `logId`, and the original is logged under that id, so that
 * SQL and connection details never reach a client.
 */
export function createErrorHandler(options: ErrorHandlerOptions): ErrorRequestHandler {
  const { logger } = options;
  const showStackTraces = options.showStackTraces ?? process.env['NODE_ENV'] === 'development';
  return (thrown: unknown, req, res, _next) => {
    const error = sanitize(thrown, logger);
    const statusCode = statusOf(error);
    if (statusCode >= 500) logger.error(`Request failed with status ${statusCode}`, error);
    if (res.headersSent) {
      // The status line and part of the body are out; the only honest signal left is to close the
      // connection once what was written is flushed, so the client sees a truncated response
      // rather than a second one (RHTTP-073).
      req.socket.end();
      return;
    }
    const body = {
      error: serialize(error, showStackTraces, 0),
      request: { method: req.method, url: req.url },
      response: { statusCode },
    };
    res.status(statusCode).json(body);
  };
}

function statusOf(error: Error): number {
  const candidate = error as { statusCode?: unknown; status?: unknown };
  for (const value of [candidate.statusCode, candidate.status]) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599)
      return value;
  }
  // RHTTP-067: chosen from the error's `name` when it carries no status.
  return STATUS_BY_ERROR_NAME[error.name] ?? 500;
}

/** RHTTP-074: opaque replacement for non-errors and database driver errors. */
function sanitize(thrown: unknown, logger: LoggerService): Error {
  if (thrown instanceof Error && !isDatabaseError(thrown)) return thrown;
  const logId = randomBytes(10).toString('hex');
  const original =
    thrown instanceof Error ? thrown : new Error(`Non-error value thrown: ${String(thrown)}`);
  logger.error(`Replaced an unsafe error in a response; logId=${logId}`, original);
  const replacement = new Error(`An internal error occurred logId=${logId}`);
  delete replacement.stack;
  return replacement;
}

/** Errors of pg, mysql2 and better-sqlite3 carry driver fields that may leak SQL or hosts. */
function isDatabaseError(error: Error): boolean {
  const fields = error as {
    code?: unknown;
    severity?: unknown;
    sqlMessage?: unknown;
    sqlState?: unknown;
    routine?: unknown;
  };
  if (fields.sqlMessage !== undefined || fields.sqlState !== undefined) return true; // mysql2
  if (typeof fields.severity === 'string' && fields.routine !== undefined) return true; // pg
  return typeof fields.code === 'string' && fields.code.startsWith('SQLITE_'); // better-sqlite3
}

type SerializedError = { name: string; message: string; [key: string]: unknown };

function serialize(
  error: unknown,
  showStackTraces: boolean,
  depth: number,
): SerializedError | unknown {
  if (!(error instanceof Error)) return error;
  const out: SerializedError = {
    ...Object.fromEntries(Object.entries(error)),
    name: error.name || 'Unknown',
    message: error.message || '<no reason given>',
  };
  if (showStackTraces && error.stack !== undefined) out['stack'] = error.stack;
  else delete out['stack'];
  // `cause` is non-enumerable when set through the Error constructor, but belongs in the body.
  if (error.cause !== undefined && depth < 8)
    out['cause'] = serialize(error.cause, showStackTraces, depth + 1);
  return out;
}
