import type { JsonObject } from '@openstage/spec';
import { describe, expect, it } from 'vitest';
import { createTestLogger } from '../rootLogger/createTestLogger.js';
import { MemoryConfig } from '../rootLogger/testing/MemoryConfig.js';
import { HostDiscovery, type HostDiscoveryOptions } from './HostDiscovery.js';
import { DiscoveryError } from './discoveryErrors.js';
import { discoveryServiceFactory } from './discoveryServiceFactory.js';
import { pickSrvRecord, type SrvRecord } from './resolveSrvTarget.js';

const base = { backend: { baseUrl: 'https://backstage.example.com' } };

function make(data: JsonObject, options: Partial<HostDiscoveryOptions> = {}) {
  const test = createTestLogger();
  const config = new MemoryConfig(data);
  const discovery = HostDiscovery.fromConfig(config, { logger: test.logger, env: {}, ...options });
  return { discovery, config, test };
}

function fails(data: JsonObject): DiscoveryError {
  try {
    make(data);
  } catch (error) {
    if (error instanceof DiscoveryError) return error;
    throw error;
  }
  throw new Error('expected a DiscoveryError');
}

describe('HostDiscovery fallback URLs', () => {
  it('DISC-001: the factory offers core.discovery with plugin scope', () => {
    expect(discoveryServiceFactory.service.id).toBe('core.discovery');
    expect(discoveryServiceFactory.service.scope).toBe('plugin');
  });

  it('DISC-020, DISC-022, DISC-024: http://localhost:7007/api/<id> without listen config', async () => {
    const { discovery } = make(base);
    expect(await discovery.getBaseUrl('catalog')).toBe('http://localhost:7007/api/catalog');
  });

  it('DISC-021: https when backend.https is true or an object, http when false', async () => {
    expect(
      await make({ backend: { ...base.backend, https: true } }).discovery.getBaseUrl('a'),
    ).toBe('https://localhost:7007/api/a');
    expect(
      await make({
        backend: { ...base.backend, https: { certificate: { cert: 'c', key: 'k' } } },
      }).discovery.getBaseUrl('a'),
    ).toMatch(/^https:/);
    expect(
      await make({ backend: { ...base.backend, https: false } }).discovery.getBaseUrl('a'),
    ).toMatch(/^http:/);
  });

  it('DISC-022, DISC-024 to DISC-026, DISC-028: host and port from backend.listen', async () => {
    const url = async (listen: JsonObject[string]) =>
      make({ backend: { ...base.backend, listen } }).discovery.getBaseUrl('p');
    expect(await url({ port: 8080 })).toBe('http://localhost:8080/api/p');
    expect(await url('9000')).toBe('http://localhost:9000/api/p');
    expect(await url({ host: '::', port: 1 })).toBe('http://localhost:1/api/p');
    expect(await url({ host: '0.0.0.0', port: '7000' })).toBe('http://127.0.0.1:7000/api/p');
    expect(await url({ host: '::1', port: 7007 })).toBe('http://[::1]:7007/api/p');
    expect(await url('backend.internal:7100')).toBe('http://backend.internal:7100/api/p');
    expect(await url({ host: '10.0.0.5' })).toBe('http://10.0.0.5:7007/api/p');
  });

  it('DISC-023: with port 0 the bound port is used once known, and only for port 0', async () => {
    const server: { bound?: number } = {};
    const boundPort = () => server.bound;
    const zero = make(
      { backend: { ...base.backend, listen: { host: '0.0.0.0', port: 0 } } },
      { boundPort },
    ).discovery;
    // Before the server listens, 0 is all there is to say.
    expect(await zero.getBaseUrl('p')).toBe('http://127.0.0.1:0/api/p');
    server.bound = 43117;
    expect(await zero.getBaseUrl('p')).toBe('http://127.0.0.1:43117/api/p');
    expect(
      await make(
        { backend: { ...base.backend, listen: ':0' } },
        { boundPort },
      ).discovery.getBaseUrl('p'),
    ).toBe('http://localhost:43117/api/p');
    // A configured port always wins over whatever the server reports.
    expect(
      await make(
        { backend: { ...base.backend, listen: { port: 8080 } } },
        { boundPort },
      ).discovery.getBaseUrl('p'),
    ).toBe('http://localhost:8080/api/p');
  });

  it('DISC-027: plugin ids are encoded like encodeURIComponent', async () => {
    const { discovery } = make(base);
    expect(await discovery.getBaseUrl('plugin/beta')).toBe(
      'http://localhost:7007/api/plugin%2Fbeta',
    );
    expect(await discovery.getExternalBaseUrl('plugin/beta')).toBe(
      'https://backstage.example.com/api/plugin%2Fbeta',
    );
  });

  it('DISC-029, DISC-004: external fallback from backend.baseUrl without trailing slashes', async () => {
    const { discovery } = make({ backend: { baseUrl: 'https://b.example.com/portal//' } });
    expect(await discovery.getExternalBaseUrl('catalog')).toBe(
      'https://b.example.com/portal/api/catalog',
    );
  });

  it('DISC-006, DISC-007: any plugin id resolves, installed or not', async () => {
    const { discovery } = make(base);
    expect(await discovery.getBaseUrl('not-installed')).toBe(
      'http://localhost:7007/api/not-installed',
    );
  });

  it('DISC-030: a missing backend.baseUrl fails naming the key', () => {
    const error = fails({});
    expect(error.code).toBe('DISC_BASE_URL_MISSING');
    expect(error.configPath).toBe('backend.baseUrl');
    expect(error.message).toContain('backend.baseUrl');
  });

  it('DISC-031: a relative or non-http backend.baseUrl fails naming the key and value', () => {
    for (const baseUrl of ['backstage.example.com', 'ftp://x.example.com']) {
      const error = fails({ backend: { baseUrl } });
      expect(error.code).toBe('DISC_BASE_URL_INVALID');
      expect(error.message).toContain('backend.baseUrl');
      expect(error.message).toContain(baseUrl);
    }
  });

  it('DISC-032: warns in production when backend.baseUrl is localhost', () => {
    const { test } = make(
      { backend: { baseUrl: 'http://localhost:7007' } },
      { env: { NODE_ENV: 'production' } },
    );
    expect(
      test.entries.filter(
        (e) => e.level === 'warn' && JSON.stringify(e).includes('backend.baseUrl'),
      ),
    ).toHaveLength(1);
    const quiet = make({ backend: { baseUrl: 'http://localhost:7007' } });
    expect(quiet.test.entries.filter((e) => e.level === 'warn')).toHaveLength(0);
  });
});

describe('HostDiscovery configured endpoints', () => {
  it('DISC-041, DISC-049, DISC-050: a string target serves both directions, as is, trailing slash removed', async () => {
    const { discovery } = make({
      ...base,
      discovery: {
        endpoints: [{ target: 'http://scaffolder:7007/api/scaffolder/', plugins: ['scaffolder'] }],
      },
    });
    expect(await discovery.getBaseUrl('scaffolder')).toBe('http://scaffolder:7007/api/scaffolder');
    expect(await discovery.getExternalBaseUrl('scaffolder')).toBe(
      'http://scaffolder:7007/api/scaffolder',
    );
    expect(await discovery.getBaseUrl('catalog')).toBe('http://localhost:7007/api/catalog');
  });

  it('DISC-042 to DISC-044: object targets apply per direction and fall through when a side is missing', async () => {
    const { discovery } = make({
      ...base,
      discovery: {
        endpoints: [
          {
            target: {
              internal: 'http://wild-internal/{{pluginId}}',
              external: 'https://wild-external/{{pluginId}}',
            },
            plugins: ['*'],
          },
          { target: { internal: 'http://search-internal' }, plugins: ['search'] },
        ],
      },
    });
    expect(await discovery.getBaseUrl('search')).toBe('http://search-internal');
    // The search entry has no external side, so the wildcard entry decides.
    expect(await discovery.getExternalBaseUrl('search')).toBe('https://wild-external/search');
  });

  it('DISC-045, DISC-046, DISC-048: explicit beats *, * beats fallback, placeholders with spaces are filled', async () => {
    const { discovery } = make({
      ...base,
      discovery: {
        endpoints: [
          { target: 'http://explicit/api/catalog', plugins: ['catalog'] },
          { target: 'http://{{ pluginId }}.svc/api/{{pluginId}}', plugins: ['*'] },
        ],
      },
    });
    expect(await discovery.getBaseUrl('catalog')).toBe('http://explicit/api/catalog');
    expect(await discovery.getBaseUrl('a/b')).toBe('http://a%2Fb.svc/api/a%2Fb');
  });

  it('DISC-047: the last entry naming a plugin wins', async () => {
    const { discovery } = make({
      ...base,
      discovery: {
        endpoints: [
          { target: 'http://first', plugins: ['p', '*'] },
          { target: 'http://second', plugins: ['p', '*'] },
        ],
      },
    });
    expect(await discovery.getBaseUrl('p')).toBe('http://second');
    expect(await discovery.getBaseUrl('other')).toBe('http://second');
  });

  it('DISC-051: malformed entries fail naming discovery.endpoints[i]', () => {
    const bad = [
      { target: 'http://x' },
      { target: 'http://x', plugins: 'p' },
      { target: 3, plugins: ['p'] },
      { target: ['http://x'], plugins: ['p'] },
    ];
    for (const entry of bad) {
      const error = fails({
        ...base,
        discovery: { endpoints: [{ target: 'http://ok', plugins: ['ok'] }, entry] },
      });
      expect(error.code).toBe('DISC_INVALID_ENDPOINT');
      expect(error.message).toContain('discovery.endpoints[1]');
    }
  });

  it('DISC-052, DISC-053: default endpoints rank below config entries and above the fallback', async () => {
    const defaultEndpoints = [{ target: 'http://default/{{pluginId}}', plugins: ['a', 'b'] }];
    const { discovery } = make(
      { ...base, discovery: { endpoints: [{ target: 'http://config/a', plugins: ['a'] }] } },
      { defaultEndpoints },
    );
    expect(await discovery.getBaseUrl('a')).toBe('http://config/a');
    expect(await discovery.getBaseUrl('b')).toBe('http://default/b');
    expect(await discovery.getBaseUrl('c')).toBe('http://localhost:7007/api/c');
  });
});

describe('HostDiscovery SRV targets', () => {
  const srvConfig = (internal: string) => ({
    ...base,
    discovery: { endpoints: [{ target: { internal }, plugins: ['*'] }] },
  });

  it('DISC-060, DISC-061: resolves http+srv through the SRV record of the filled-in host', async () => {
    const asked: string[] = [];
    const resolveSrv = async (name: string): Promise<SrvRecord[]> => {
      asked.push(name);
      return [{ name: 'node-1.example.net', port: 7123, priority: 1, weight: 1 }];
    };
    const { discovery } = make(
      srvConfig('https+srv://backstage-{{pluginId}}.svc.example.net/api/{{pluginId}}/'),
      { resolveSrv },
    );
    expect(await discovery.getBaseUrl('catalog')).toBe(
      'https://node-1.example.net:7123/api/catalog',
    );
    expect(asked).toEqual(['backstage-catalog.svc.example.net']);
    // External resolution is untouched by an internal-only entry.
    expect(await discovery.getExternalBaseUrl('catalog')).toBe(
      'https://backstage.example.com/api/catalog',
    );
  });

  it('DISC-062: picks among the lowest priority, in proportion to weight', () => {
    const records: SrvRecord[] = [
      { name: 'low-a', port: 1, priority: 10, weight: 1 },
      { name: 'low-b', port: 2, priority: 10, weight: 3 },
      { name: 'high', port: 3, priority: 20, weight: 100 },
    ];
    expect(pickSrvRecord(records, () => 0)?.name).toBe('low-a');
    expect(pickSrvRecord(records, () => 0.24)?.name).toBe('low-a');
    expect(pickSrvRecord(records, () => 0.26)?.name).toBe('low-b');
    expect(pickSrvRecord(records, () => 0.999)?.name).toBe('low-b');
    expect(pickSrvRecord([], () => 0)).toBeUndefined();
  });

  it('DISC-063: SRV URLs in string or external targets are rejected', () => {
    const asString = fails({
      ...base,
      discovery: { endpoints: [{ target: 'http+srv://x.example.net/api', plugins: ['a'] }] },
    });
    expect(asString.code).toBe('DISC_SRV_NOT_ALLOWED');
    expect(asString.message).toContain('discovery.endpoints[0].target');
    const asExternal = fails({
      ...base,
      discovery: {
        endpoints: [{ target: { external: 'https+srv://x.example.net' }, plugins: ['a'] }],
      },
    });
    expect(asExternal.code).toBe('DISC_SRV_NOT_ALLOWED');
    expect(asExternal.message).toContain('discovery.endpoints[0].target.external');
  });

  it('DISC-064: SRV targets with port, credentials, query or fragment are rejected naming the target', () => {
    for (const target of [
      'http+srv://x.example.net:80/api',
      'http+srv://u:p@x.example.net/api',
      'http+srv://x.example.net/api?q=1',
      'http+srv://x.example.net/api#f',
    ]) {
      const error = fails(srvConfig(target));
      expect(error.code).toBe('DISC_SRV_INVALID_URL');
      expect(error.message).toContain(target);
    }
  });

  it('DISC-065: a failing or empty lookup rejects naming the record name', async () => {
    const failing = make(srvConfig('http+srv://{{pluginId}}.example.net'), {
      resolveSrv: async () => {
        throw Object.assign(new Error('querySrv ENOTFOUND'), { code: 'ENOTFOUND' });
      },
    });
    await expect(failing.discovery.getBaseUrl('catalog')).rejects.toMatchObject({
      code: 'DISC_SRV_RESOLUTION_FAILED',
      recordName: 'catalog.example.net',
    });
    const empty = make(srvConfig('http+srv://{{pluginId}}.example.net'), {
      resolveSrv: async () => [],
    });
    await expect(empty.discovery.getBaseUrl('catalog')).rejects.toThrow(/catalog\.example\.net/);
  });
});

describe('HostDiscovery configuration changes', () => {
  it('DISC-070: applies new endpoints, baseUrl, listen and https without a restart', async () => {
    const { discovery, config } = make(base);
    config.update({
      backend: { baseUrl: 'https://new.example.com', listen: { port: 8000 }, https: true },
      discovery: { endpoints: [{ target: 'http://moved/api/x', plugins: ['x'] }] },
    });
    expect(await discovery.getBaseUrl('catalog')).toBe('https://localhost:8000/api/catalog');
    expect(await discovery.getExternalBaseUrl('catalog')).toBe(
      'https://new.example.com/api/catalog',
    );
    expect(await discovery.getBaseUrl('x')).toBe('http://moved/api/x');
  });

  it('DISC-071, DISC-072: an invalid change is rejected whole and logged with its code', async () => {
    const { discovery, config, test } = make({
      ...base,
      discovery: { endpoints: [{ target: 'http://old/x', plugins: ['x'] }] },
    });
    config.update({
      backend: { baseUrl: 'https://new.example.com', listen: { port: 8000 } },
      discovery: { endpoints: [{ target: 'http://new/x' }] },
    });
    expect(await discovery.getBaseUrl('x')).toBe('http://old/x');
    expect(await discovery.getExternalBaseUrl('catalog')).toBe(
      'https://backstage.example.com/api/catalog',
    );
    expect(await discovery.getBaseUrl('catalog')).toBe('http://localhost:7007/api/catalog');
    expect(
      test.entries.filter(
        (e) => e.level === 'error' && e.fields['code'] === 'DISC_INVALID_ENDPOINT',
      ),
    ).toHaveLength(1);
  });
});
