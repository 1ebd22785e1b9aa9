import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveExampleConfig } from './resolveExampleConfig.js';

describe('resolveExampleConfig', () => {
  it("finds the example's app-config.yaml next to its source", () => {
    const file = resolveExampleConfig();
    expect(file.endsWith('examples/backend/app-config.yaml')).toBe(true);
    expect(existsSync(file)).toBe(true);
  });
});
