import { describe, expect, it, vi } from 'vitest';
import { createTestLogger } from '../rootLogger/createTestLogger.js';
import { MemoryConfig } from '../rootLogger/testing/MemoryConfig.js';
import { HostDiscovery } from './HostDiscovery.js';

// A file of its own: the mock replaces `node:dns/promises` for every test of the file.
const asked = vi.hoisted((): string[] => []);
vi.mock('node:dns/promises', () => ({
  resolveSrv: async (name: string) => {
    asked.push(name);
    return [{ name: 'node-7.example.net', port: 7443, priority: 1, weight: 1 }];
  },
}));

describe('HostDiscovery without a resolver of its own', () => {
  it('DISC-061: looks SRV records up through node:dns, imported on the first lookup', async () => {
    const config = new MemoryConfig({
      backend: { baseUrl: 'https://backstage.example.com' },
      discovery: {
        endpoints: [
          { target: { internal: 'http+srv://{{pluginId}}.example.net' }, plugins: ['*'] },
        ],
      },
    });
    const discovery = HostDiscovery.fromConfig(config, {
      logger: createTestLogger().logger,
      env: {},
    });
    expect(asked).toEqual([]);
    expect(await discovery.getBaseUrl('catalog')).toBe('http://node-7.example.net:7443');
    expect(asked).toEqual(['catalog.example.net']);
  });
});
