import { describe, expect, it } from 'vitest';
import type { BackendStartupResult } from './BackendStartupResult.js';
import { formatStartupSummary } from './formatStartupSummary.js';

const at = new Date(0);

describe('formatStartupSummary', () => {
  const result: BackendStartupResult = {
    beginAt: at,
    resultAt: at,
    durationMs: 120.4,
    outcome: 'success',
    plugins: [
      {
        pluginId: 'todo',
        beginAt: at,
        resultAt: at,
        durationMs: 84.2,
        outcome: 'success',
        modules: [
          {
            moduleId: 'title-rules',
            beginAt: at,
            resultAt: at,
            durationMs: 2,
            outcome: 'success',
          },
        ],
      },
      {
        pluginId: 'broken',
        beginAt: at,
        resultAt: at,
        durationMs: 1,
        outcome: 'failure',
        modules: [],
        failure: { error: new Error('boom'), allowed: true },
      },
    ],
  };

  it('prints the URL and one row per plugin and module, with outcome and duration', () => {
    const lines = formatStartupSummary(result, 'http://localhost:7007').split('\n');
    expect(lines).toContain('Openstage backend listening on http://localhost:7007');
    expect(lines).toContain('  PLUGIN  MODULE       OUTCOME            DURATION');
    expect(lines).toContain('  broken               failure (allowed)  1 ms');
    expect(lines).toContain('  todo                 success            84 ms');
    expect(lines).toContain('          title-rules  success            2 ms');
    expect(lines).toContain('  Started 2 plugin(s) in 120 ms: success');
    expect(lines.slice(-4)).toEqual([
      '  Readiness: http://localhost:7007/.backstage/health/v1/readiness',
      '',
      '  Press Ctrl+C to stop.',
      '',
    ]);
  });

  it('takes a title and tips, as the example backend passes them', () => {
    const lines = formatStartupSummary(result, 'http://localhost:7007', {
      title: 'Openstage example backend',
      tips: ['Try:       curl http://localhost:7007/api/stats/summary'],
    }).split('\n');
    expect(lines[1]).toBe('Openstage example backend listening on http://localhost:7007');
    expect(lines.slice(-5)).toEqual([
      '  Readiness: http://localhost:7007/.backstage/health/v1/readiness',
      '  Try:       curl http://localhost:7007/api/stats/summary',
      '',
      '  Press Ctrl+C to stop.',
      '',
    ]);
  });
});
