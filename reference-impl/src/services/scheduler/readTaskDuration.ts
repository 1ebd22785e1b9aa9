import type { Duration } from 'luxon';
import { luxonDuration } from '../../runtime/luxonDuration.js';
import { SchedulerError } from './SchedulerError.js';

/** The fields a HumanDuration may have (SCHED-133). */
export const HUMAN_DURATION_FIELDS = [
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'seconds',
  'milliseconds',
] as const;

const KNOWN_FIELDS: ReadonlySet<string> = new Set(HUMAN_DURATION_FIELDS);

/** A validated duration: its ISO 8601 form for the settings and its length for the timers. */
export interface TaskDuration {
  readonly iso: string;
  readonly milliseconds: number;
}

/** Who a schedule belongs to; the catalog names them in error messages. */
export interface ScheduleContext {
  readonly pluginId?: string | undefined;
  readonly taskId?: string | undefined;
}

/**
 * Reads a luxon `Duration` or a HumanDuration object, as `scheduleTask` accepts them, and rejects
 * anything that is not a positive duration with `code` (SCHED-023, SCHED-024).
 *
 * The ISO form keeps the given fields unnormalised (SCHED-105): luxon's `toISO` writes each unit
 * as it was given, so `{ minutes: 90 }` stays `PT90M`.
 */
export function readTaskDuration(
  value: unknown,
  field: string,
  code: 'SCHED_INVALID_DURATION' | 'SCHED_INVALID_FREQUENCY',
  context: ScheduleContext,
): TaskDuration {
  const fail = (reason: string): never => {
    throw new SchedulerError(code, { ...context, configPath: field, problem: reason });
  };
  let duration: Duration;
  if (luxonDuration().isDuration(value)) {
    if (!value.isValid)
      fail(`the luxon Duration is invalid (${value.invalidExplanation ?? 'no reason given'})`);
    duration = value;
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0)
      fail(`expected a duration such as { minutes: 5 }, got an empty object`);
    for (const [key, amount] of entries) {
      if (!KNOWN_FIELDS.has(key)) {
        fail(
          `unknown field '${key}'; a duration has the fields ${HUMAN_DURATION_FIELDS.join(', ')}`,
        );
      }
      if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
        fail(`field '${key}' must be a finite, non-negative number, got ${JSON.stringify(amount)}`);
      }
    }
    duration = luxonDuration().fromObject(value as Record<string, number>);
  } else {
    return fail(
      `expected a duration such as { minutes: 5 }, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
    );
  }
  const milliseconds = duration.toMillis();
  if (!(milliseconds > 0)) fail('the duration must be greater than zero');
  const iso = duration.toISO();
  if (iso === null) return fail('the duration cannot be written as ISO 8601');
  return { iso, milliseconds };
}
