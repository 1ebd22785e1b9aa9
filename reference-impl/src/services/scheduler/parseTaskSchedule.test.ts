import { Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { assertValidTaskId, parseTaskSchedule } from './parseTaskSchedule.js';

const ctx = { pluginId: 'catalog', taskId: 'refresh' };
const base = { frequency: { minutes: 5 }, timeout: { minutes: 1 } };

describe('parseTaskSchedule', () => {
  it('SCHED-003: rejects a missing, non-string or empty task id with InputError naming the plugin', () => {
    for (const id of [undefined, '', 42]) {
      expect(() => assertValidTaskId(id, 'catalog')).toThrow(
        expect.objectContaining({
          name: 'InputError',
          code: 'SCHED_INVALID_TASK_ID',
          pluginId: 'catalog',
          message: expect.stringContaining("plugin 'catalog'"),
        }),
      );
    }
    expect(() => assertValidTaskId('ok', 'catalog')).not.toThrow();
  });

  it('SCHED-021, SCHED-022: accepts cron (5 and 6 fields), luxon Durations, HumanDurations and manual', () => {
    expect(parseTaskSchedule({ ...base, frequency: { cron: '0 * * * 0' } }, ctx).cadence).toEqual({
      kind: 'cron',
      expression: '0 * * * 0',
    });
    expect(
      parseTaskSchedule({ ...base, frequency: { cron: '*/10 * * * * *' } }, ctx).cadence.kind,
    ).toBe('cron');
    expect(
      parseTaskSchedule({ ...base, frequency: Duration.fromObject({ seconds: 30 }) }, ctx).cadence,
    ).toEqual({ kind: 'duration', milliseconds: 30_000 });
    expect(parseTaskSchedule({ ...base, frequency: { hours: 1 } }, ctx).cadence).toEqual({
      kind: 'duration',
      milliseconds: 3_600_000,
    });
    expect(parseTaskSchedule({ ...base, frequency: { trigger: 'manual' } }, ctx).cadence).toEqual({
      kind: 'manual',
    });
  });

  it('SCHED-023: rejects missing, invalid cron, non-positive and unknown frequencies, naming the task', () => {
    const bad: unknown[] = [
      undefined,
      { cron: 'not a cron' },
      { cron: '* * *' },
      { cron: '61 * * * *' },
      { minutes: 0 },
      { minutes: -1 },
      { every: 5 },
      { trigger: 'auto' },
      'PT5M',
      Duration.invalid('nope'),
    ];
    for (const frequency of bad) {
      expect(
        () => parseTaskSchedule({ ...base, frequency }, ctx),
        JSON.stringify(frequency),
      ).toThrow(
        expect.objectContaining({
          name: 'InputError',
          code: 'SCHED_INVALID_FREQUENCY',
          taskId: 'refresh',
          message: expect.stringContaining("task 'refresh'"),
        }),
      );
    }
  });

  it('SCHED-023: an invalid cron error names the expression and the task id', () => {
    expect(() => parseTaskSchedule({ ...base, frequency: { cron: 'every day' } }, ctx)).toThrow(
      /'every day'.*task 'refresh' of plugin 'catalog'/,
    );
  });

  it('SCHED-024: rejects a missing timeout and non-positive timeout or initialDelay, naming the field', () => {
    expect(() => parseTaskSchedule({ frequency: { minutes: 1 } }, ctx)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        code: 'SCHED_INVALID_DURATION',
        configPath: 'timeout',
      }),
    );
    expect(() => parseTaskSchedule({ ...base, timeout: { seconds: 0 } }, ctx)).toThrow(
      expect.objectContaining({
        code: 'SCHED_INVALID_DURATION',
        configPath: 'timeout',
        message: expect.stringContaining('timeout'),
      }),
    );
    expect(() => parseTaskSchedule({ ...base, initialDelay: { seconds: -5 } }, ctx)).toThrow(
      expect.objectContaining({
        code: 'SCHED_INVALID_DURATION',
        configPath: 'initialDelay',
        message: expect.stringContaining('initialDelay'),
      }),
    );
  });

  it('SCHED-025, SCHED-026: scope defaults to global and must be global or local', () => {
    expect(parseTaskSchedule(base, ctx).scope).toBe('global');
    expect(parseTaskSchedule({ ...base, scope: 'local' }, ctx).scope).toBe('local');
    expect(() => parseTaskSchedule({ ...base, scope: 'cluster' }, ctx)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        code: 'SCHED_INVALID_SCOPE',
        taskId: 'refresh',
      }),
    );
  });

  it('SCHED-101 to SCHED-105: settings hold version 2, the cadence and unnormalised ISO durations', () => {
    expect(
      parseTaskSchedule({ frequency: { minutes: 90 }, timeout: { minutes: 5 } }, ctx).settings,
    ).toEqual({
      version: 2,
      cadence: 'PT90M',
      timeoutAfterDuration: 'PT5M',
    });
    const settings = parseTaskSchedule(
      { frequency: { cron: '0 3 * * *' }, timeout: { hours: 1 }, initialDelay: { seconds: 30 } },
      ctx,
    ).settings;
    expect(settings).toEqual({
      version: 2,
      cadence: '0 3 * * *',
      timeoutAfterDuration: 'PT1H',
      initialDelayDuration: 'PT30S',
    });
    expect(
      parseTaskSchedule({ frequency: { trigger: 'manual' }, timeout: { minutes: 1 } }, ctx).settings
        .cadence,
    ).toBe('manual');
  });
});
