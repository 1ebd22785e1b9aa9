import { describe, expect, it } from 'vitest';
import { MemoryConfig } from '../rootLogger/testing/MemoryConfig.js';
import { DefaultRootSystemMetadataService } from './DefaultRootSystemMetadataService.js';
import { rootSystemMetadataServiceFactory } from './rootSystemMetadataServiceFactory.js';

const instance = (...ids: string[]) => ({
  getInstalledPlugins: async () => ids.map((pluginId) => ({ pluginId, modules: [] })),
});

describe('DefaultRootSystemMetadataService', () => {
  it('SMETA-001: the factory offers core.rootSystemMetadata with root scope', () => {
    expect(rootSystemMetadataServiceFactory.service.id).toBe('core.rootSystemMetadata');
    expect(rootSystemMetadataServiceFactory.service.scope).toBe('root');
  });

  it("SMETA-002, SMETA-010, SMETA-011, SMETA-015: endpoint plugins in config order, then this instance's plugins", async () => {
    const config = new MemoryConfig({
      discovery: {
        endpoints: [
          { target: 'http://b:7007/api/{{pluginId}}', plugins: ['scaffolder', 'techdocs'] },
          { target: { internal: 'http://c' }, plugins: ['search'] },
        ],
      },
    });
    const service = new DefaultRootSystemMetadataService(config, instance('catalog', 'search'));
    expect(await service.getInstalledPlugins()).toEqual([
      { pluginId: 'scaffolder' },
      { pluginId: 'techdocs' },
      { pluginId: 'search' },
      { pluginId: 'catalog' },
    ]);
  });

  it('SMETA-003, SMETA-012, SMETA-013: no duplicates, no *, nothing unnamed', async () => {
    const config = new MemoryConfig({
      discovery: {
        endpoints: [
          { target: 'http://x', plugins: ['*', 'a'] },
          { target: 'http://y', plugins: ['a', 'b'] },
        ],
      },
    });
    const service = new DefaultRootSystemMetadataService(config, instance('b', 'c'));
    expect((await service.getInstalledPlugins()).map((p) => p.pluginId)).toEqual(['a', 'b', 'c']);
  });

  it("SMETA-010: without discovery config, the instance's plugins", async () => {
    const service = new DefaultRootSystemMetadataService(new MemoryConfig({}), instance('catalog'));
    expect(await service.getInstalledPlugins()).toEqual([{ pluginId: 'catalog' }]);
  });

  it('SMETA-014: reflects a changed discovery.endpoints in the next call', async () => {
    const config = new MemoryConfig({
      discovery: { endpoints: [{ target: 'http://x', plugins: ['old'] }] },
    });
    const service = new DefaultRootSystemMetadataService(config, instance('catalog'));
    config.update({ discovery: { endpoints: [{ target: 'http://x', plugins: ['new'] }] } });
    expect((await service.getInstalledPlugins()).map((p) => p.pluginId)).toEqual([
      'new',
      'catalog',
    ]);
  });
});
