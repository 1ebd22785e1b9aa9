import { describe, expect, it } from 'vitest';
import type { LoggerService } from '../../authoring/coreServiceTypes.js';
import { readHttpRouterSettings } from './readHttpRouterSettings.js';

const silent: LoggerService = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => silent,
};

function reader(values: Record<string, unknown>) {
  return { getOptional: (key: string) => values[key] } as Parameters<
    typeof readHttpRouterSettings
  >[0];
}

describe('readHttpRouterSettings', () => {
  it('HTTP-034: per-plugin rate limits are looked up only when backend.rateLimit.plugin is set', () => {
    expect(readHttpRouterSettings(reader({}), silent).perPluginRateLimits).toBe(false);
    const limited = reader({ 'backend.rateLimit.plugin': { todo: { incomingRequestLimit: 1 } } });
    expect(readHttpRouterSettings(limited, silent).perPluginRateLimits).toBe(true);
  });

  it('HTTP-034: a section that cannot be read leaves the per-plugin read, and its error, to each plugin', () => {
    const failing = {
      getOptional: (key: string) => {
        if (key === 'backend.rateLimit.plugin') throw new TypeError('not an object');
        return undefined;
      },
    } as Parameters<typeof readHttpRouterSettings>[0];
    expect(readHttpRouterSettings(failing, silent).perPluginRateLimits).toBe(true);
  });
});
