import { describe, expect, it } from 'vitest';
import { ConfigReader } from './ConfigReader.js';
import { isConfigError } from './ConfigError.js';
import { durationToMilliseconds } from './durationToMilliseconds.js';
import {
  readDurationFromConfig,
  readOptionalDurationFromConfig,
} from './readDurationFromConfig.js';

const DAY = 86_400_000;

describe('readDurationFromConfig', () => {
  it('CONF-051: accepts milliseconds, ms strings, ISO 8601 strings and HumanDuration mappings', () => {
    const cases: Array<[unknown, number]> = [
      [0, 0],
      [5000, 5000],
      [1.5, 1.5],
      ['5s', 5000],
      ['500ms', 500],
      ['2 minutes', 120_000],
      ['1 Minute', 60_000],
      ['1.5h', 5_400_000],
      ['PT5S', 5000],
      ['PT1M30S', 90_000],
      ['P2DT6H', 2 * DAY + 6 * 3_600_000],
      ['P1Y', 365 * DAY],
      ['P1M', 30 * DAY],
      ['PT1,5S', 1500],
      [{ minutes: 1, seconds: 30 }, 90_000],
      [{ years: 1, months: 1, weeks: 1, days: 1 }, (365 + 30 + 7 + 1) * DAY],
      [{ milliseconds: 5, hours: 0 }, 5],
    ];
    for (const [value, expected] of cases) {
      const config = ConfigReader.fromData({ backend: { timeout: value as never } });
      expect(readDurationFromConfig(config, 'backend.timeout'), JSON.stringify(value)).toBe(
        expected,
      );
    }
  });

  it('CONF-052: rejects bad durations with CONF_INVALID_DURATION naming the full config path', () => {
    const bad: unknown[] = [
      '5000',
      '12',
      'soon',
      '',
      -1,
      '-5s',
      'P',
      'PT',
      'P-1D',
      '-PT5S',
      {},
      { minute: 1 },
      { minutes: 1, extra: 2 },
      { seconds: -1 },
      { seconds: '5' },
      true,
      [1],
    ];
    for (const value of bad) {
      const config = ConfigReader.fromData({
        backend: { lifecycle: { delay: value as never } },
      }).getConfig('backend');
      let error: unknown;
      try {
        readDurationFromConfig(config, 'lifecycle.delay');
      } catch (e) {
        error = e;
      }
      expect(isConfigError(error, 'CONF_INVALID_DURATION'), JSON.stringify(value)).toBe(true);
      expect((error as { configPath: string }).configPath).toBe('backend.lifecycle.delay');
      expect((error as Error).message).toContain("'backend.lifecycle.delay'");
    }
  });

  it('CONF-052: explains why a digit string is rejected', () => {
    const result = durationToMilliseconds('5000');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/no unit/);
  });

  it('RCFG-010: a required duration that is absent fails with RCFG_MISSING_VALUE; the optional reader returns undefined', () => {
    const config = ConfigReader.fromData({});
    expect(() => readDurationFromConfig(config, 'a.b')).toThrow(
      expect.objectContaining({ code: 'RCFG_MISSING_VALUE' }),
    );
    expect(readOptionalDurationFromConfig(config, 'a.b')).toBeUndefined();
    expect(readOptionalDurationFromConfig(ConfigReader.fromData({ a: '1s' }), 'a')).toBe(1000);
  });
});
