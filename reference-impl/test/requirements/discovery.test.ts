import type { JsonObject } from '@openstage/spec';
import { describe, expect, it } from 'vitest';
import { HostDiscovery } from '../../src/services/discovery/HostDiscovery.js';
import { createTestLogger } from '../../src/services/rootLogger/createTestLogger.js';
import { MemoryConfig } from '../../src/services/rootLogger/testing/MemoryConfig.js';

const baseUrl = 'https://backstage.example.com';

function discovery(data: JsonObject): HostDiscovery {
  return HostDiscovery.fromConfig(new MemoryConfig(data), {
    logger: createTestLogger().logger,
    env: {},
  });
}

describe('discovery', () => {
  it('DISC-025: a listen host of 0.0.0.0 resolves internally as 127.0.0.1', async () => {
    const d = discovery({ backend: { baseUrl, listen: { host: '0.0.0.0', port: 7010 } } });
    expect(await d.getBaseUrl('catalog')).toBe('http://127.0.0.1:7010/api/catalog');
    // Only the internal URL is affected; the external one still comes from backend.baseUrl.
    expect(await d.getExternalBaseUrl('catalog')).toBe(`${baseUrl}/api/catalog`);
  });

  it('DISC-040: discovery.endpoints is a list of { target, plugins } entries', async () => {
    const d = discovery({
      backend: { baseUrl },
      discovery: {
        endpoints: [
          { target: 'http://catalog.internal:8080/api/{{pluginId}}', plugins: ['catalog'] },
          { target: 'http://search.internal/api/{{pluginId}}', plugins: ['search', 'techdocs'] },
        ],
      },
    });
    expect(await d.getBaseUrl('catalog')).toBe('http://catalog.internal:8080/api/catalog');
    expect(await d.getBaseUrl('search')).toBe('http://search.internal/api/search');
    expect(await d.getBaseUrl('techdocs')).toBe('http://search.internal/api/techdocs');
    // A plugin no entry lists falls back to the backend's own address.
    expect(await d.getBaseUrl('other')).toBe('http://localhost:7007/api/other');
    // The list shape is enforced: an entry without plugins is refused, naming it.
    expect(() =>
      discovery({
        backend: { baseUrl },
        discovery: { endpoints: [{ target: 'http://x/api/{{pluginId}}' }] },
      }),
    ).toThrow(/discovery\.endpoints\[0\]/);
  });

  it('DISC-043: an object target uses external for getExternalBaseUrl only', async () => {
    const d = discovery({
      backend: { baseUrl },
      discovery: {
        endpoints: [
          { target: { external: 'https://public.example.com/{{pluginId}}' }, plugins: ['catalog'] },
        ],
      },
    });
    expect(await d.getExternalBaseUrl('catalog')).toBe('https://public.example.com/catalog');
    expect(await d.getBaseUrl('catalog')).toBe('http://localhost:7007/api/catalog');
  });
});
