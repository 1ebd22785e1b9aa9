import type {
  Config,
  HumanDuration,
  SchedulerServiceTaskScheduleDefinition,
} from '@openstage/spec';
import { luxonDuration } from '../../runtime/luxonDuration.js';
import ms from 'ms';
import { HUMAN_DURATION_FIELDS } from './readTaskDuration.js';
import { SchedulerError } from './SchedulerError.js';

/**
 * The config section the helper reads, typed with the spec's `Config` as Backstage types it; the
 * helper itself only calls `getOptional`.
 */
export type ScheduleConfigSection = Config;

const KNOWN_FIELDS: ReadonlySet<string> = new Set(HUMAN_DURATION_FIELDS);
const DIGITS_ONLY = /^\s*[+-]?\d+(\.\d+)?\s*$/;

function invalidDuration(key: string, value: unknown, reason: string): SchedulerError {
  return new SchedulerError('SCHED_INVALID_DURATION', {
    configPath: key,
    received: String(JSON.stringify(value)),
    problem: reason,
    source: 'config',
  });
}

/** SCHED-133 to SCHED-135: an ISO string, a human string such as `5m`, or a HumanDuration object. */
function readDuration(key: string, value: unknown): HumanDuration {
  if (typeof value === 'string') {
    if (value.startsWith('P')) {
      const duration = luxonDuration().fromISO(value);
      if (!duration.isValid) throw invalidDuration(key, value, 'not a valid ISO 8601 duration');
      return duration.toObject() as HumanDuration;
    }
    if (DIGITS_ONLY.test(value)) {
      throw invalidDuration(key, value, "a number needs a unit, such as '30s', '5m' or '1 hour'");
    }
    const milliseconds =
      value.length > 100 ? undefined : (ms(value as ms.StringValue) as number | undefined);
    if (milliseconds === undefined || !Number.isFinite(milliseconds)) {
      throw invalidDuration(key, value, "not a duration such as '30s', '5m', '1 hour' or 'PT5M'");
    }
    return { milliseconds };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    const unknown = entries.map(([field]) => field).filter((field) => !KNOWN_FIELDS.has(field));
    if (entries.length === 0 || unknown.length > 0) {
      throw invalidDuration(
        key,
        value,
        `${unknown.length > 0 ? `unknown field(s) ${unknown.join(', ')}; ` : ''}a duration object has one or more of the fields ${HUMAN_DURATION_FIELDS.join(', ')}`,
      );
    }
    for (const [field, amount] of entries) {
      if (typeof amount !== 'number' || !Number.isFinite(amount)) {
        throw invalidDuration(`${key}.${field}`, amount, 'expected a number');
      }
    }
    return value as HumanDuration;
  }
  throw invalidDuration(
    key,
    value,
    'expected a string such as 5m or PT5M, or an object such as { minutes: 5 }',
  );
}

/**
 * Reads a task schedule from a config section such as `catalog.providers.github.schedule`
 * (SCHED-131 to SCHED-138). Errors name the key within the section.
 */
export function readSchedulerServiceTaskScheduleDefinitionFromConfig(
  config: ScheduleConfigSection,
): SchedulerServiceTaskScheduleDefinition {
  const frequencyValue = config.getOptional('frequency');
  let frequency: SchedulerServiceTaskScheduleDefinition['frequency'];
  if (typeof frequencyValue === 'object' && frequencyValue !== null && 'cron' in frequencyValue) {
    frequency = { cron: String((frequencyValue as { cron: unknown }).cron) };
  } else if (
    typeof frequencyValue === 'object' &&
    frequencyValue !== null &&
    'trigger' in frequencyValue &&
    (frequencyValue as { trigger: unknown }).trigger === 'manual'
  ) {
    frequency = { trigger: 'manual' };
  } else if (frequencyValue === undefined) {
    throw invalidDuration('frequency', frequencyValue, 'frequency is required');
  } else {
    frequency = readDuration('frequency', frequencyValue);
  }

  const timeoutValue = config.getOptional('timeout');
  if (timeoutValue === undefined)
    throw invalidDuration('timeout', timeoutValue, 'timeout is required');
  const timeout = readDuration('timeout', timeoutValue);

  const initialDelayValue = config.getOptional('initialDelay');
  const scope = config.getOptional('scope');
  if (scope !== undefined && scope !== 'global' && scope !== 'local') {
    throw new SchedulerError(
      'SCHED_INVALID_SCOPE',
      {
        configPath: 'scope',
        received: String(scope),
        problem: 'not global or local',
        source: 'config',
      },
      { verbatim: true },
    );
  }
  return {
    frequency,
    timeout,
    ...(initialDelayValue === undefined
      ? {}
      : { initialDelay: readDuration('initialDelay', initialDelayValue) }),
    ...(scope === undefined ? {} : { scope }),
  };
}
