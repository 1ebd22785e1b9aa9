import { describe, expect, it } from 'vitest';
import { readDuration } from './readDuration.js';

describe('readDuration', () => {
  it('RHTTP-032: numbers are milliseconds; strings with units, ISO 8601 and mappings are durations', () => {
    expect(readDuration(1500, 'p')).toBe(1500);
    expect(readDuration('5s', 'p')).toBe(5000);
    expect(readDuration('2 minutes', 'p')).toBe(120_000);
    expect(readDuration('PT1.5S', 'p')).toBe(1500);
    expect(readDuration({ minutes: 1, seconds: 2 }, 'p')).toBe(62_000);
  });

  it('RHTTP-035: unparseable, unit-less, negative and unknown-key values fail naming the path', () => {
    for (const bad of [
      '100',
      'soon',
      -1,
      '-5s',
      {},
      { seconds: 1, fortnights: 2 },
      'PTX',
      true,
      null,
    ]) {
      expect(() => readDuration(bad, 'backend.server.timeout'), JSON.stringify(bad)).toThrow(
        expect.objectContaining({
          code: 'CONF_INVALID_DURATION',
          configPath: 'backend.server.timeout',
        }),
      );
    }
  });
});
