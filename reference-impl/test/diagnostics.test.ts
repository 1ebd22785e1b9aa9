import { describe, expect, it } from 'vitest';
import {
  BackendInstanceRegistry,
  coreServices,
  createBackendModule,
  createBackendPlugin,
  createExtensionPoint,
  createServiceFactory,
  createServiceRef,
} from '../src/index.js';
import { createTestBackend } from './helpers/testBackend.js';
import { initPlugin } from './helpers/features.js';

describe('startup timeline', () => {
  it('INIT-140 INIT-141 INIT-143 INIT-145 records factories, modules, plugins and hooks; pending entries say what they wait on', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const database = createServiceRef<string>({ id: 't.database' });
    const scheduler = createServiceRef<string>({ id: 't.scheduler' });
    const backend = createTestBackend({
      pendingReportIntervalMs: 20,
      defaultServiceFactories: [
        createServiceFactory({
          service: database,
          deps: {},
          factory: async () => {
            await gate;
            return 'db';
          },
        }),
        createServiceFactory({
          service: scheduler,
          deps: { database },
          factory: ({ database }) => `sched(${database})`,
        }),
      ],
    });
    backend.add(
      createBackendPlugin({
        pluginId: 'catalog',
        register(reg) {
          reg.registerInit({ deps: { scheduler }, async init() {} });
        },
      }),
    );
    expect(backend.getStartupTimeline()).toEqual({ entries: [] });
    const started = backend.start();
    await new Promise((r) => setTimeout(r, 60));
    const pending = backend
      .getStartupTimeline()
      .entries.find((e) => e.kind === 'plugin' && e.pluginId === 'catalog')!;
    expect(pending.outcome).toBe('pending');
    expect(pending.waitingOn).toEqual([
      { kind: 'pluginService', pluginId: 'catalog', serviceId: 't.scheduler' },
    ]);
    const report = backend.logs.find(
      (l) => l.level === 'warn' && l.message.includes('still initializing'),
    );
    expect(report?.message).toContain(
      "plugin 'catalog' waits on service 't.scheduler' of plugin 'catalog' waits on service 't.database' of plugin 'catalog'",
    );
    expect(report?.meta['waitChain']).toEqual([
      { kind: 'plugin', pluginId: 'catalog' },
      { kind: 'pluginService', pluginId: 'catalog', serviceId: 't.scheduler' },
      { kind: 'pluginService', pluginId: 'catalog', serviceId: 't.database' },
    ]);
    release();
    const { result } = await started;
    const kinds = result.timeline!.entries.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'rootService',
        'pluginService',
        'plugin',
        'pluginStartupHooks',
        'rootStartupHooks',
      ]),
    );
    for (const e of result.timeline!.entries) {
      expect(e.outcome).toBe('success');
      expect(e.endAt!.getTime()).toBeGreaterThanOrEqual(e.beginAt.getTime());
    }
    const shutdown = await backend.stop();
    expect(shutdown.phases.map((p) => p.phase)).toEqual([
      'beforeShutdown',
      'pluginShutdown',
      'rootShutdown',
    ]);
  });
});

describe('wiring graph', () => {
  it('BACK-076 BACK-080..BACK-095 stable sorted nodes and edges, and a Mermaid rendering', async () => {
    const ep = createExtensionPoint<object>({ id: 'catalog.processing' });
    const db = createServiceRef<string>({ id: 'g.database' });
    const build = (reverse: boolean) => {
      const backend = createTestBackend({
        defaultServiceFactories: [
          createServiceFactory({
            service: db,
            deps: { logger: coreServices.rootLogger },
            factory: () => 'db',
          }),
        ],
      });
      const features = [
        createBackendPlugin({
          pluginId: 'catalog',
          register(reg) {
            reg.registerExtensionPoint(ep, {});
            reg.registerInit({ deps: { db }, async init() {} });
          },
        }),
        createBackendModule({
          pluginId: 'catalog',
          moduleId: 'github',
          register(reg) {
            reg.registerInit({ deps: { ep }, async init() {} });
          },
        }),
      ];
      for (const f of reverse ? features.reverse() : features) backend.add(f);
      return backend;
    };
    const graph = await build(false).graph();
    expect(graph.format).toBe('openstage.wiring-graph');
    expect(graph.nodes.map((n) => n.id)).toEqual(
      [
        'extensionPoint:catalog.processing',
        'module:catalog/github',
        'plugin:catalog',
        'service:core.lifecycle',
        'service:core.rootLifecycle',
        'service:core.rootLogger',
        'service:core.pluginMetadata',
        'service:g.database',
      ].sort(),
    );
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        {
          from: 'module:catalog/github',
          to: 'extensionPoint:catalog.processing',
          kind: 'consumes',
          name: 'ep',
        },
        { from: 'module:catalog/github', to: 'plugin:catalog', kind: 'extends' },
        { from: 'plugin:catalog', to: 'extensionPoint:catalog.processing', kind: 'provides' },
        { from: 'plugin:catalog', to: 'service:g.database', kind: 'depends', name: 'db' },
        {
          from: 'service:g.database',
          to: 'service:core.rootLogger',
          kind: 'depends',
          name: 'logger',
        },
      ]),
    );
    for (const e of graph.edges) expect(graph.nodes.some((n) => n.id === e.to)).toBe(true);
    const again = await build(true).graph();
    expect(JSON.stringify(again)).toBe(JSON.stringify(graph));
    const mermaid = graph.toMermaid();
    expect(mermaid.split('\n')[0]).toBe('flowchart LR');
    expect(mermaid).toContain('"plugin:catalog"');
    expect(mermaid).toBe(again.toMermaid());
  });
});

describe('signals', () => {
  it('SIGINT/SIGTERM stop every live backend once, then exit', async () => {
    const listeners = new Map<string, () => void>();
    const exits: number[] = [];
    const registry = new BackendInstanceRegistry({
      target: { addListener: (e, l) => listeners.set(e, l), removeListener: () => undefined },
      exit: (code) => exits.push(code),
    });
    let stops = 0;
    const backends = [0, 1].map(() => createTestBackend({ instanceRegistry: registry }));
    for (const b of backends) {
      b.add(
        initPlugin('p', { l: coreServices.lifecycle }, async ({ l }) => {
          l.addShutdownHook(() => void stops++);
        }),
      );
      await b.start();
    }
    expect([...listeners.keys()].sort()).toEqual(['SIGINT', 'SIGTERM', 'beforeExit']);
    listeners.get('SIGTERM')!();
    listeners.get('SIGINT')!();
    await new Promise((r) => setTimeout(r, 20));
    expect(stops).toBe(2);
    expect(exits).toEqual([0]);
  });
});
