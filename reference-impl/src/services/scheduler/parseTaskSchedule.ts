import type { SchedulerServiceTaskScope } from '@openstage/spec';
import { CronExpressionParser } from 'cron-parser';
import { luxonDuration } from '../../runtime/luxonDuration.js';
import { readTaskDuration, type ScheduleContext } from './readTaskDuration.js';
import { SchedulerError } from './SchedulerError.js';
import type { TaskSettingsV2 } from './TaskSettingsV2.js';

/** How often a task becomes due. */
export type TaskCadence =
  | { readonly kind: 'cron'; readonly expression: string }
  | { readonly kind: 'duration'; readonly milliseconds: number }
  | { readonly kind: 'manual' };

/** A validated schedule, in the forms the workers need. */
export interface ParsedTaskSchedule {
  readonly scope: SchedulerServiceTaskScope;
  readonly cadence: TaskCadence;
  readonly timeoutMs: number;
  readonly initialDelayMs: number | undefined;
  readonly settings: TaskSettingsV2;
}

/** Throws SCHED_INVALID_TASK_ID unless `id` is a non-empty string (SCHED-003). */
export function assertValidTaskId(id: unknown, pluginId: string | undefined): asserts id is string {
  if (typeof id !== 'string' || id === '') {
    const received = JSON.stringify(id) ?? String(id);
    throw new SchedulerError(
      'SCHED_INVALID_TASK_ID',
      pluginId === undefined ? { received } : { pluginId, received },
    );
  }
}

/** Throws SCHED_INVALID_FREQUENCY unless `expression` is a 5- or 6-field cron expression (SCHED-022). */
export function assertValidCron(expression: string, context: ScheduleContext): void {
  const fields = expression.trim().split(/\s+/).length;
  let problem: string | undefined;
  if (fields !== 5 && fields !== 6) {
    problem = `expected 5 fields (or 6 with seconds first), found ${fields}`;
  } else {
    try {
      CronExpressionParser.parse(expression);
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
  }
  if (problem !== undefined) {
    throw new SchedulerError('SCHED_INVALID_FREQUENCY', {
      ...context,
      configPath: 'frequency.cron',
      received: `'${expression}'`,
      problem,
    });
  }
}

function readCadence(
  frequency: unknown,
  context: ScheduleContext,
): { cadence: TaskCadence; text: string } {
  if (
    typeof frequency === 'object' &&
    frequency !== null &&
    !luxonDuration().isDuration(frequency)
  ) {
    if ('cron' in frequency) {
      const expression = (frequency as { cron: unknown }).cron;
      if (typeof expression !== 'string') {
        throw new SchedulerError('SCHED_INVALID_FREQUENCY', {
          ...context,
          configPath: 'frequency.cron',
          problem: `must be a string, got ${JSON.stringify(expression)}`,
        });
      }
      assertValidCron(expression, context);
      return { cadence: { kind: 'cron', expression }, text: expression };
    }
    if ('trigger' in frequency) {
      const trigger = (frequency as { trigger: unknown }).trigger;
      if (trigger !== 'manual') {
        throw new SchedulerError('SCHED_INVALID_FREQUENCY', {
          ...context,
          configPath: 'frequency.trigger',
          problem: `must be 'manual', got ${JSON.stringify(trigger)}`,
        });
      }
      return { cadence: { kind: 'manual' }, text: 'manual' };
    }
  }
  const duration = readTaskDuration(frequency, 'frequency', 'SCHED_INVALID_FREQUENCY', context);
  return { cadence: { kind: 'duration', milliseconds: duration.milliseconds }, text: duration.iso };
}

/**
 * Validates the schedule fields of a task (SCHED-021 to SCHED-026) and derives its stored
 * settings (SCHED-101 to SCHED-105). Every error names the task and the field.
 */
export function parseTaskSchedule(schedule: unknown, context: ScheduleContext): ParsedTaskSchedule {
  const input = (typeof schedule === 'object' && schedule !== null ? schedule : {}) as Record<
    string,
    unknown
  >;
  if (input.frequency === undefined || input.frequency === null) {
    throw new SchedulerError('SCHED_INVALID_FREQUENCY', {
      ...context,
      configPath: 'frequency',
      problem: "missing; give { cron }, a duration or { trigger: 'manual' }",
    });
  }
  const { cadence, text } = readCadence(input.frequency, context);
  if (input.timeout === undefined) {
    throw new SchedulerError('SCHED_INVALID_DURATION', {
      ...context,
      configPath: 'timeout',
      problem: 'missing; every task needs a timeout such as { minutes: 5 }',
    });
  }
  const timeout = readTaskDuration(input.timeout, 'timeout', 'SCHED_INVALID_DURATION', context);
  const initialDelay =
    input.initialDelay === undefined
      ? undefined
      : readTaskDuration(input.initialDelay, 'initialDelay', 'SCHED_INVALID_DURATION', context);
  const scope = input.scope ?? 'global';
  if (scope !== 'global' && scope !== 'local') {
    throw new SchedulerError('SCHED_INVALID_SCOPE', {
      ...context,
      configPath: 'scope',
      received: String(JSON.stringify(scope)),
      problem: 'only "global" or "local" are allowed',
    });
  }
  const settings: TaskSettingsV2 = {
    version: 2,
    cadence: text,
    timeoutAfterDuration: timeout.iso,
    ...(initialDelay === undefined ? {} : { initialDelayDuration: initialDelay.iso }),
  };
  return {
    scope,
    cadence,
    timeoutMs: timeout.milliseconds,
    initialDelayMs: initialDelay?.milliseconds,
    settings,
  };
}
