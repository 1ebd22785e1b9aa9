import { describe, expect, it } from 'vitest';
import {
  coreServices,
  createBackendFeatureLoader,
  createBackendModule,
  createBackendPlugin,
  createServiceFactory,
  createServiceRef,
} from '../../src/index.js';
import type {
  PluginMetadataService,
  RootInstanceMetadataService,
} from '../../src/authoring/coreServiceTypes.js';
import { createTestBackend, rejectionOf } from '../helpers/testBackend.js';

type Installed = Awaited<ReturnType<RootInstanceMetadataService['getInstalledPlugins']>>;

const plugin = (
  pluginId: string,
  init: (deps: never) => Promise<void> = async () => {},
  deps = {},
) =>
  createBackendPlugin({
    pluginId,
    register: (reg) => reg.registerInit({ deps, init: init as never }),
  });

const module = (pluginId: string, moduleId: string) =>
  createBackendModule({
    pluginId,
    moduleId,
    register: (reg) => reg.registerInit({ deps: {}, init: async () => {} }),
  });

/** A plugin whose init reads the instance metadata and hands the service and list to `seen`. */
function metadataReader(
  pluginId: string,
  seen: (service: RootInstanceMetadataService, list: Installed) => void,
) {
  return plugin(
    pluginId,
    (async ({ meta }: { meta: RootInstanceMetadataService }) => {
      seen(meta, await meta.getInstalledPlugins());
    }) as never,
    { meta: coreServices.rootInstanceMetadata },
  );
}

const sorted = (list: Installed) =>
  [...list]
    .map((p) => ({ pluginId: p.pluginId, modules: p.modules.map((m) => m.moduleId).sort() }))
    .sort((a, b) => a.pluginId.localeCompare(b.pluginId));

describe('core.pluginMetadata (PMETA-001 to PMETA-005)', () => {
  it('PMETA-001 PMETA-002 PMETA-003: a plugin receives a synchronous, stable getId() with its own id', async () => {
    expect(coreServices.pluginMetadata).toMatchObject({
      id: 'core.pluginMetadata',
      scope: 'plugin',
      multiton: false,
    });
    const ids: unknown[] = [];
    const backend = createTestBackend();
    for (const pluginId of ['meta-a', 'meta-b']) {
      backend.add(
        plugin(
          pluginId,
          (async ({ meta }: { meta: PluginMetadataService }) => {
            ids.push(meta.getId(), meta.getId());
          }) as never,
          { meta: coreServices.pluginMetadata },
        ),
      );
    }
    await backend.start();
    await backend.stop();
    expect(ids.sort()).toEqual(['meta-a', 'meta-a', 'meta-b', 'meta-b']);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
  });

  it('PMETA-004: a module receives the metadata of the plugin it extends', async () => {
    let seen: unknown;
    const backend = createTestBackend();
    backend.add(plugin('host'));
    backend.add(
      createBackendModule({
        pluginId: 'host',
        moduleId: 'extra',
        register: (reg) =>
          reg.registerInit({
            deps: { meta: coreServices.pluginMetadata },
            init: async ({ meta }) => {
              seen = meta.getId();
            },
          }),
      }),
    );
    await backend.start();
    await backend.stop();
    expect(seen).toBe('host');
  });

  it('PMETA-005: a plugin-scoped service factory receives the metadata of the plugin it builds for', async () => {
    const named = createServiceRef<{ owner: string }>({ id: 'req.named' });
    const factory = createServiceFactory({
      service: named,
      deps: { meta: coreServices.pluginMetadata },
      factory: ({ meta }) => ({ owner: meta.getId() }),
    });
    const owners: string[] = [];
    const backend = createTestBackend({ defaultServiceFactories: [factory] });
    for (const pluginId of ['svc-one', 'svc-two']) {
      backend.add(
        plugin(
          pluginId,
          (async ({ svc }: { svc: { owner: string } }) => {
            owners.push(`${pluginId}:${svc.owner}`);
          }) as never,
          { svc: named },
        ),
      );
    }
    await backend.start();
    await backend.stop();
    expect(owners.sort()).toEqual(['svc-one:svc-one', 'svc-two:svc-two']);
  });
});

describe('core.rootInstanceMetadata (IMETA-001 to IMETA-020)', () => {
  it('IMETA-001 IMETA-002 IMETA-003: one { pluginId, modules: [{ moduleId }] } entry per installed plugin', async () => {
    expect(coreServices.rootInstanceMetadata).toMatchObject({
      id: 'core.rootInstanceMetadata',
      scope: 'root',
      multiton: false,
    });
    let list: Installed | undefined;
    const backend = createTestBackend();
    backend.add(plugin('alpha'));
    backend.add(module('alpha', 'one'));
    backend.add(module('alpha', 'two'));
    backend.add(metadataReader('beta', (_s, l) => (list = l)));
    await backend.start();
    await backend.stop();
    expect(list).toBeDefined();
    expect(list!.map((p) => p.pluginId).sort()).toEqual(['alpha', 'beta']);
    for (const entry of list!) {
      expect(Object.keys(entry).sort()).toEqual(['modules', 'pluginId']);
      for (const m of entry.modules) expect(Object.keys(m)).toEqual(['moduleId']);
    }
    expect(sorted(list!)).toEqual([
      { pluginId: 'alpha', modules: ['one', 'two'] },
      { pluginId: 'beta', modules: [] },
    ]);
  });

  it('IMETA-006 IMETA-020: plugins and modules from feature loaders are listed before any plugin initialises', async () => {
    let list: Installed | undefined;
    const backend = createTestBackend();
    backend.add(metadataReader('reader', (_s, l) => (list = l)));
    backend.add(
      createBackendFeatureLoader({
        loader: async function* () {
          await new Promise((resolve) => setTimeout(resolve, 5));
          yield plugin('loaded');
          yield module('loaded', 'loaded-module');
          yield module('reader', 'late-module');
        },
      }),
    );
    await backend.start();
    await backend.stop();
    expect(sorted(list!)).toEqual([
      { pluginId: 'loaded', modules: ['loaded-module'] },
      { pluginId: 'reader', modules: ['late-module'] },
    ]);
  });

  it('IMETA-020: a root service that depends on it and initialises eagerly sees the full list', async () => {
    let list: Installed | undefined;
    const probe = createServiceRef<void>({ id: 'req.probe', scope: 'root' });
    const backend = createTestBackend({
      defaultServiceFactories: [
        createServiceFactory({
          service: probe,
          initialization: 'always',
          deps: { meta: coreServices.rootInstanceMetadata },
          factory: async ({ meta }) => {
            list = await meta.getInstalledPlugins();
          },
        }),
      ],
    });
    backend.add(plugin('p1'));
    backend.add(createBackendFeatureLoader({ loader: () => [plugin('p2')] }));
    await backend.start();
    await backend.stop();
    expect(list?.map((p) => p.pluginId).sort()).toEqual(['p1', 'p2']);
  });

  it('IMETA-007: a plugin whose init fails is still listed', async () => {
    let service: RootInstanceMetadataService | undefined;
    const keep = createServiceRef<void>({ id: 'req.keep', scope: 'root' });
    const backend = createTestBackend({
      defaultServiceFactories: [
        createServiceFactory({
          service: keep,
          initialization: 'always',
          deps: { meta: coreServices.rootInstanceMetadata },
          factory: ({ meta }) => {
            service = meta;
          },
        }),
      ],
    });
    backend.add(plugin('fine'));
    backend.add(
      plugin('broken', async () => {
        throw new Error('init failed on purpose');
      }),
    );
    await rejectionOf(backend.start());
    await backend.stop();
    expect(service).toBeDefined();
    const list = await service!.getInstalledPlugins();
    expect(list.map((p) => p.pluginId).sort()).toEqual(['broken', 'fine']);
  });

  it('IMETA-009 IMETA-010: module objects are frozen and every call resolves to the same content', async () => {
    let service: RootInstanceMetadataService | undefined;
    let first: Installed | undefined;
    const backend = createTestBackend();
    backend.add(module('frozen', 'm1'));
    backend.add(
      metadataReader('frozen', (s, l) => {
        service = s;
        first = l;
      }),
    );
    await backend.start();
    const during = await service!.getInstalledPlugins();
    await backend.stop();
    const after = await service!.getInstalledPlugins();
    const entry = first!.find((p) => p.pluginId === 'frozen')!;
    expect(entry.modules).toEqual([{ moduleId: 'm1' }]);
    expect(Object.isFrozen(entry.modules[0])).toBe(true);
    expect(() => {
      (entry.modules[0] as { moduleId: string }).moduleId = 'changed';
    }).toThrow(TypeError);
    expect(during).toEqual(first);
    expect(after).toEqual(first);
  });
});
