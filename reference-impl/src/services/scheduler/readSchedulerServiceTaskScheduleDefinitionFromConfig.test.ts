import { describe, expect, it } from 'vitest';
import { readSchedulerServiceTaskScheduleDefinitionFromConfig as read } from './readSchedulerServiceTaskScheduleDefinitionFromConfig.js';
import { configFromData } from '../../../test/helpers/configFromData.js';

const section = configFromData;

describe('readSchedulerServiceTaskScheduleDefinitionFromConfig', () => {
  it('SCHED-132: reads { cron }, { trigger: manual } and durations', () => {
    expect(read(section({ frequency: { cron: '*/5 * * * *' }, timeout: '1m' })).frequency).toEqual({
      cron: '*/5 * * * *',
    });
    expect(read(section({ frequency: { trigger: 'manual' }, timeout: '1m' })).frequency).toEqual({
      trigger: 'manual',
    });
    expect(read(section({ frequency: { minutes: 30 }, timeout: '1m' })).frequency).toEqual({
      minutes: 30,
    });
  });

  it('SCHED-133: reads ISO strings, human strings and duration objects', () => {
    const schedule = read(
      section({
        frequency: 'PT30M',
        timeout: '5m',
        initialDelay: { seconds: 10, milliseconds: 5 },
      }),
    );
    expect(schedule.frequency).toEqual({ minutes: 30 });
    expect(schedule.timeout).toEqual({ milliseconds: 300_000 });
    expect(schedule.initialDelay).toEqual({ seconds: 10, milliseconds: 5 });
    expect(read(section({ frequency: '1 hour', timeout: '30s' })).frequency).toEqual({
      milliseconds: 3_600_000,
    });
  });

  it('SCHED-134: rejects unparseable strings, including digits only, naming the key and value', () => {
    for (const bad of ['soon', '300', 'P1X']) {
      expect(() => read(section({ frequency: '1m', timeout: bad }))).toThrow(
        expect.objectContaining({
          code: 'SCHED_INVALID_DURATION',
          configPath: 'timeout',
          message: expect.stringContaining(bad),
        }),
      );
    }
  });

  it('SCHED-135: rejects objects without known fields or with unknown fields, naming the key', () => {
    expect(() => read(section({ frequency: {}, timeout: '1m' }))).toThrow(
      expect.objectContaining({ code: 'SCHED_INVALID_DURATION', configPath: 'frequency' }),
    );
    expect(() =>
      read(section({ frequency: '1m', timeout: { minutes: 1, fortnights: 2 } })),
    ).toThrow(
      expect.objectContaining({
        code: 'SCHED_INVALID_DURATION',
        configPath: 'timeout',
        message: expect.stringContaining('fortnights'),
      }),
    );
  });

  it('SCHED-136: a missing timeout names the key timeout', () => {
    expect(() => read(section({ frequency: '1m' }))).toThrow(
      expect.objectContaining({
        code: 'SCHED_INVALID_DURATION',
        configPath: 'timeout',
        message: expect.stringContaining("'timeout'"),
      }),
    );
  });

  it('SCHED-137: leaves initialDelay and scope undefined when unset', () => {
    const schedule = read(section({ frequency: '1m', timeout: '1m' }));
    expect('initialDelay' in schedule).toBe(false);
    expect('scope' in schedule).toBe(false);
    expect(read(section({ frequency: '1m', timeout: '1m', scope: 'local' })).scope).toBe('local');
  });

  it('SCHED-138: a scope other than global or local throws the fixed message', () => {
    expect(() => read(section({ frequency: '1m', timeout: '1m', scope: 'cluster' }))).toThrow(
      expect.objectContaining({
        code: 'SCHED_INVALID_SCOPE',
        message:
          'Only "global" or "local" are allowed for TaskScheduleDefinition.scope, but got: cluster',
      }),
    );
  });
});
