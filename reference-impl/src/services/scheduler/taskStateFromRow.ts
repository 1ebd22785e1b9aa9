import { MANUAL_DUE_TIME, type TaskRow } from './TaskStore.js';
import type { TaskState } from './TaskWorker.js';

/** The task state of a stored row (SCHED-114, SCHED-116). */
export function taskStateFromRow(row: TaskRow): TaskState {
  const last = {
    ...(row.lastRunEndedAt === undefined
      ? {}
      : { lastRunEndedAt: row.lastRunEndedAt.toISOString() }),
    ...(row.lastRunErrorJson === undefined ? {} : { lastRunError: row.lastRunErrorJson }),
  };
  if (row.currentRunTicket !== undefined) {
    return {
      status: 'running',
      startedAt: (row.currentRunStartedAt ?? new Date(0)).toISOString(),
      ...(row.currentRunExpiresAt === undefined
        ? {}
        : { timesOutAt: row.currentRunExpiresAt.toISOString() }),
      ...last,
    };
  }
  const startsAt = row.nextRunStartAt;
  return {
    status: 'idle',
    ...(startsAt === undefined || startsAt.getTime() >= MANUAL_DUE_TIME.getTime()
      ? {}
      : { startsAt: startsAt.toISOString() }),
    ...last,
  };
}
