import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BackendStartupResult } from '../../src/runtime/index.js';
import { formatStartupSummary } from './formatStartupSummary.js';
import { resolveExampleConfig } from './resolveExampleConfig.js';

const at = new Date(0);

describe('formatStartupSummary', () => {
  it('prints the URL and one row per plugin and module, with outcome and duration', () => {
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
    const lines = formatStartupSummary(result, 'http://localhost:7007').split('\n');
    expect(lines).toContain('Openstage example backend listening on http://localhost:7007');
    expect(lines).toContain('  PLUGIN  MODULE       OUTCOME            DURATION');
    expect(lines).toContain('  broken               failure (allowed)  1 ms');
    expect(lines).toContain('  todo                 success            84 ms');
    expect(lines).toContain('          title-rules  success            2 ms');
    expect(lines).toContain('  Started 2 plugin(s) in 120 ms: success');
    expect(lines).toContain('  Readiness: http://localhost:7007/.backstage/health/v1/readiness');
  });
});

describe('resolveExampleConfig', () => {
  it("finds the example's app-config.yaml next to its source", () => {
    const file = resolveExampleConfig();
    expect(file.endsWith('examples/backend/app-config.yaml')).toBe(true);
    expect(existsSync(file)).toBe(true);
  });
});
