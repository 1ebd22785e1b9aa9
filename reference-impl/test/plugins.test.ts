import { describe, expect, it } from 'vitest';
import { createBackendModule, createBackendPlugin, createExtensionPoint } from '../src/index.js';
import { continueAll, module, plugin, rootRef, run } from './helpers/features.js';
import { createTestBackend } from './helpers/testBackend.js';

describe('plugins', () => {
  it('PLUG-007, EXT-032: getRegistrations() of a plugin runs before any module init or extension point factory of it', async () => {
    const events: string[] = [];
    const ep = createExtensionPoint<object>({ id: 'pl.ep' });
    await run([
      createBackendModule({
        pluginId: 'p',
        moduleId: 'm',
        register: (r) =>
          r.registerInit({ deps: { ep }, init: async () => void events.push('module init') }),
      }),
      createBackendPlugin({
        pluginId: 'p',
        register(r) {
          events.push('plugin register');
          r.registerExtensionPoint({
            extensionPoint: ep,
            factory: () => (events.push('ep factory'), {}),
          });
          r.registerInit({ deps: {}, init: async () => void events.push('plugin init') });
        },
      }),
    ]);
    expect(events).toEqual(['plugin register', 'ep factory', 'module init', 'plugin init']);
  });

  it('PLUG-010, PLUG-011: init gets one argument with exactly its deps, or an empty object', async () => {
    const calls: unknown[][] = [];
    const svc = (await import('../src/index.js')).createServiceFactory({
      service: rootRef('pl.svc'),
      deps: {},
      factory: () => 'svc',
    });
    await run(
      [
        createBackendPlugin({
          pluginId: 'empty',
          register: (r) =>
            r.registerInit({ deps: {}, init: async (...args: unknown[]) => void calls.push(args) }),
        }),
        createBackendPlugin({
          pluginId: 'full',
          register: (r) =>
            r.registerInit({
              deps: { s: rootRef('pl.svc') },
              init: async (...args: unknown[]) => void calls.push(args),
            }),
        }),
      ],
      { defaultServiceFactories: [svc] },
    );
    expect(calls).toHaveLength(2);
    expect(calls).toContainEqual([{}]);
    expect(calls).toContainEqual([{ s: 'svc' }]);
  });

  it('PLUG-012, PLUG-013: every sound plugin init runs exactly once, also across validate() and graph()', async () => {
    const counts: Record<string, number> = {};
    const backend = createTestBackend();
    for (const id of ['a', 'b', 'c'])
      backend.add(plugin(id, () => void (counts[id] = (counts[id] ?? 0) + 1)));
    await backend.validate();
    await backend.graph();
    await backend.start();
    await backend.stop();
    expect(counts).toEqual({ a: 1, b: 1, c: 1 });
  });

  it('PLUG-014, PLUG-015, PLUG-016: the result waits for init; sync inits and returned values are fine', async () => {
    let settled = false;
    const { result } = await run([
      createBackendPlugin({
        pluginId: 'async',
        register: (r) =>
          r.registerInit({
            deps: {},
            init: () =>
              new Promise<void>((res) =>
                setTimeout(() => {
                  settled = true;
                  res();
                }, 5),
              ),
          }),
      }),
      createBackendPlugin({
        pluginId: 'sync',
        register: (r) => r.registerInit({ deps: {}, init: (() => 'ignored') as never }),
      }),
      createBackendPlugin({
        pluginId: 'value',
        register: (r) =>
          r.registerInit({ deps: {}, init: (async () => ({ not: 'used' })) as never }),
      }),
    ]);
    expect(settled).toBe(true);
    const asyncEntry = result!.plugins.find((p) => p.pluginId === 'async')!;
    expect(asyncEntry.durationMs).toBeGreaterThanOrEqual(4);
    expect(result!.plugins.every((p) => p.outcome === 'success')).toBe(true);
  });

  it('PLUG-017, PLUG-018: a failing init is INIT_PLUGIN_INIT_FAILED with plugin id and cause; other plugins still run', async () => {
    const cause = new Error('init broke');
    const events: string[] = [];
    const { result } = await run(
      [
        plugin('bad', () => {
          throw cause;
        }),
        plugin('good', async () => {
          await new Promise((r) => setTimeout(r, 5));
          events.push('good');
        }),
      ],
      { config: continueAll },
    );
    expect(events).toEqual(['good']);
    expect(result!.plugins.find((p) => p.pluginId === 'bad')!.failure!.error).toMatchObject({
      code: 'INIT_PLUGIN_INIT_FAILED',
      pluginId: 'bad',
      cause,
    });
  });

  it('MOD-001, MOD-002: a module runs in its own plugin\u2019s pipeline; equal module ids of different plugins both run', async () => {
    const events: string[] = [];
    await run([
      plugin('a', () => void events.push('a')),
      plugin('b', () => void events.push('b')),
      module('a', 'shared', () => void events.push('a/shared')),
      module('b', 'shared', () => void events.push('b/shared')),
    ]);
    expect(events.indexOf('a/shared')).toBeLessThan(events.indexOf('a'));
    expect(events.indexOf('b/shared')).toBeLessThan(events.indexOf('b'));
    expect(events).toHaveLength(4);
  });
});
