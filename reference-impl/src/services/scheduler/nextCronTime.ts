import { CronExpressionParser } from 'cron-parser';

/**
 * The first time strictly after `after` that matches `expression`, in the process's time zone
 * (SCHED-035, SCHED-036).
 */
export function nextCronTime(expression: string, after: Date): Date {
  const interval = CronExpressionParser.parse(expression, { currentDate: after });
  return interval.next().toDate();
}
