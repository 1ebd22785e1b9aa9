import { defineTest, type ConformanceTest } from '../../harness/ConformanceTest.js';
import { before, deepEqual, ok, rejects } from '../../harness/assert.js';
import { coreRefs, plugin, recordingLifecycleFactories } from '../../features/index.js';
import { deferred, ticks } from './helpers.js';
import { lifecycleHooksPlugin } from './lifecycleHooksPlugin.js';
import type { PluginLifecycle, RootLifecycle } from './lifecycleServices.js';

/** A plugin that registers shutdown hooks on the runtime's own lifecycle services. */
const hookedPlugin = (
  pluginId: string,
  events: string[],
  options: { failFirst?: boolean; failInit?: boolean } = {},
) =>
  plugin({
    pluginId,
    deps: { lifecycle: coreRefs.lifecycle },
    init: ({ lifecycle }) => {
      const l = lifecycle as PluginLifecycle;
      if (options.failFirst)
        l.addShutdownHook(() => {
          events.push(`${pluginId}:throwing`);
          throw new Error('hook exploded');
        });
      l.addShutdownHook(() => void events.push(`${pluginId}:shutdown`));
      if (options.failInit) throw new Error(`${pluginId} init exploded`);
    },
  });

export const shutdownTests: readonly ConformanceTest[] = [
  defineTest({
    id: 'shutdown/phase-order',
    chapter: 'shutdown',
    requirements: ['LIFE-027', 'LIFE-031', 'LIFE-032', 'LIFE-033'],
    description: 'stop() calls root beforeShutdown, then every plugin shutdown, then root shutdown',
    async run(ctx) {
      const events: string[] = [];
      const backend = ctx.createBackend({
        services: recordingLifecycleFactories(events),
        features: [plugin({ pluginId: 'one' }), plugin({ pluginId: 'two' })],
      });
      await backend.start();
      await backend.stop();
      for (const id of ['one', 'two']) {
        before(events, 'root:beforeShutdown', `plugin:${id}:shutdown`);
        before(events, `plugin:${id}:shutdown`, 'root:shutdown');
      }
    },
  }),
  defineTest({
    id: 'shutdown/default-hooks-order',
    chapter: 'shutdown',
    requirements: ['LIFE-027', 'LIFE-031', 'LIFE-033'],
    description:
      "with the runtime's own lifecycle services, before-shutdown, plugin and root shutdown hooks run in phase order",
    async run(ctx) {
      const events: string[] = [];
      const backend = ctx.createBackend({
        features: [
          lifecycleHooksPlugin('hooked', ({ lifecycle, root }) => {
            root.addShutdownHook(() => void events.push('root'));
            lifecycle.addShutdownHook(() => void events.push('plugin'));
            root.addBeforeShutdownHook(() => void events.push('before'));
          }),
        ],
      });
      await backend.start();
      await backend.stop();
      deepEqual(events, ['before', 'plugin', 'root'], 'hooks run');
    },
  }),
  defineTest({
    id: 'shutdown/failing-hook-isolated',
    chapter: 'shutdown',
    requirements: ['LIFE-017', 'LIFE-019'],
    description:
      'a shutdown hook that throws does not keep the other hooks from running, and stop() resolves',
    async run(ctx) {
      const events: string[] = [];
      const backend = ctx.createBackend({
        features: [
          hookedPlugin('noisy', events, { failFirst: true }),
          hookedPlugin('quiet', events),
          plugin({
            pluginId: 'rooted',
            deps: { root: coreRefs.rootLifecycle },
            init: ({ root }) =>
              (root as RootLifecycle).addShutdownHook(() => void events.push('root:shutdown')),
          }),
        ],
      });
      await backend.start();
      await backend.stop();
      for (const e of ['noisy:throwing', 'noisy:shutdown', 'quiet:shutdown', 'root:shutdown'])
        ok(events.includes(e), `expected '${e}' in [${events.join(', ')}]`);
    },
  }),
  defineTest({
    id: 'shutdown/after-failed-start',
    chapter: 'shutdown',
    requirements: ['STOP-001', 'STOP-004', 'BACK-059'],
    description:
      'stop() after a failed start() runs the shutdown hooks of every plugin, the failed one included, and resolves',
    async run(ctx) {
      const events: string[] = [];
      const backend = ctx.createBackend({
        features: [
          hookedPlugin('survivor', events),
          hookedPlugin('casualty', events, { failInit: true }),
        ],
      });
      await rejects('startup', () => backend.start());
      await backend.stop();
      ok(
        events.includes('survivor:shutdown'),
        `the started plugin's hook must run: [${events.join(', ')}]`,
      );
      ok(
        events.includes('casualty:shutdown'),
        `the failed plugin's hook must run: [${events.join(', ')}]`,
      );
    },
  }),
  defineTest({
    id: 'shutdown/waits-for-running-start',
    chapter: 'shutdown',
    requirements: ['BACK-058'],
    description: 'stop() called while start() runs begins shutdown only after start() settled',
    async run(ctx) {
      const events: string[] = [];
      const gate = deferred();
      const backend = ctx.createBackend({
        services: recordingLifecycleFactories(events),
        features: [
          plugin({
            pluginId: 'slow',
            init: async () => {
              await gate.promise;
              events.push('init:end');
            },
          }),
        ],
      });
      const starting = backend.start();
      await ticks(20);
      const stopping = backend.stop();
      await ticks(20);
      gate.resolve();
      await starting;
      await stopping;
      before(events, 'init:end', 'root:beforeShutdown');
    },
  }),
  defineTest({
    id: 'shutdown/result',
    chapter: 'shutdown',
    requirements: ['STOP-020', 'STOP-021', 'STOP-026'],
    description:
      'stop() resolves to a shutdown result with beginAt, endAt and the phases, the same for every call',
    async run(ctx) {
      const backend = ctx.createBackend({ features: [plugin({ pluginId: 'one' })] });
      await backend.start();
      const first = (await backend.stop()) as
        { beginAt?: unknown; endAt?: unknown; phases?: { phase?: unknown }[] } | undefined;
      ok(
        first &&
          first.beginAt instanceof Date &&
          first.endAt instanceof Date &&
          Array.isArray(first.phases),
        'stop() must resolve to { beginAt, endAt, phases }',
      );
      deepEqual(
        first.phases!.map((p) => p.phase),
        ['beforeShutdown', 'pluginShutdown', 'rootShutdown'],
        'phases',
      );
      ok((await backend.stop()) === first, 'a second stop() must resolve to the same result');
    },
  }),
];
