import fc from 'fast-check';
import { defineTest, type ConformanceTest } from '../../harness/ConformanceTest.js';
import { before, deepEqual, equal, hasCode, ok, rejects } from '../../harness/assert.js';
import {
  extensionPoint,
  module,
  plugin,
  recordingLifecycleFactories,
} from '../../features/index.js';
import { checkProperty } from './checkProperty.js';
import { failingModule } from './failingModule.js';
import { failingPlugin } from './failingPlugin.js';
import { deferred, pluginEntry, resultOf, ticks } from './helpers.js';
import { lifecycleHooksPlugin } from './lifecycleHooksPlugin.js';
import { moduleFailureError } from './moduleFailureError.js';
import { pluginFailure } from './pluginFailure.js';
import { recordingModule } from './recordingModule.js';
import { recordingPlugin } from './recordingPlugin.js';
import { startRejectsWith } from './startRejectsWith.js';

export const startupTests: readonly ConformanceTest[] = [
  defineTest({
    id: 'startup/modules-before-plugin',
    chapter: 'startup',
    requirements: ['INIT-031', 'INIT-032'],
    description: "every module's init settles before its plugin's init is called",
    async run(ctx) {
      const events: string[] = [];
      const slowModule = (moduleId: string, delay: number) =>
        module({
          pluginId: 'host',
          moduleId,
          init: async () => {
            events.push(`${moduleId}:begin`);
            await ticks(delay);
            events.push(`${moduleId}:end`);
          },
        });
      const backend = ctx.createBackend({
        features: [
          recordingPlugin('host', events, 'plugin'),
          slowModule('quick', 1),
          slowModule('slow', 20),
        ],
      });
      await backend.start();
      before(events, 'quick:end', 'plugin');
      before(events, 'slow:end', 'plugin');
    },
  }),
  defineTest({
    id: 'startup/consumer-modules-first',
    chapter: 'startup',
    requirements: ['INIT-033', 'INIT-034'],
    description:
      "a module consuming another module's extension point settles its init before the provider's init is called",
    async run(ctx) {
      const events: string[] = [];
      const ep = extensionPoint('host.widgets');
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'host' }),
          recordingModule(
            { pluginId: 'host', moduleId: 'provider', extensionPoints: [{ ref: ep }] },
            events,
          ),
          module({
            pluginId: 'host',
            moduleId: 'consumer',
            deps: { widgets: ep },
            init: async () => {
              await ticks(10);
              events.push('consumer');
            },
          }),
        ],
      });
      await backend.start();
      before(events, 'consumer', 'provider');
    },
  }),
  defineTest({
    id: 'startup/plugins-in-parallel',
    chapter: 'startup',
    requirements: ['INIT-030'],
    description: "plugins initialize concurrently: one plugin's init may wait on another's",
    async run(ctx) {
      const gate = deferred();
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'waiter', init: () => gate.promise }),
          plugin({ pluginId: 'opener', init: () => gate.resolve() }),
        ],
      });
      await backend.start();
    },
  }),
  defineTest({
    id: 'startup/root-startup-hooks-last',
    chapter: 'startup',
    requirements: ['LIFE-021', 'LIFE-024', 'INIT-005'],
    description:
      'root startup runs once, after every plugin init and plugin startup, before start() resolves',
    async run(ctx) {
      const events: string[] = [];
      const backend = ctx.createBackend({
        services: recordingLifecycleFactories(events),
        features: [
          recordingPlugin('fast', events, 'init:fast'),
          plugin({
            pluginId: 'slow',
            init: async () => {
              await ticks(20);
              events.push('init:slow');
            },
          }),
        ],
      });
      await backend.start();
      events.push('resolved');
      before(events, 'init:fast', 'plugin:fast:startup');
      before(events, 'init:slow', 'plugin:slow:startup');
      before(events, 'plugin:fast:startup', 'root:startup');
      before(events, 'plugin:slow:startup', 'root:startup');
      before(events, 'root:startup', 'resolved');
      equal(events.filter((e) => e === 'root:startup').length, 1, 'root startup calls');
    },
  }),
  defineTest({
    id: 'startup/plugin-init-failure',
    chapter: 'startup',
    requirements: ['BACK-022', 'BACK-048', 'BACK-051', 'INIT-078'],
    description:
      'a throwing plugin init makes start() reject with BackendStartupError; the entry holds INIT_PLUGIN_INIT_FAILED',
    async run(ctx) {
      const backend = ctx.createBackend({
        features: [failingPlugin('broken'), plugin({ pluginId: 'fine' })],
      });
      const error = await startRejectsWith(backend, 'BACK_STARTUP_FAILED');
      equal((error as Error).name, 'BackendStartupError', 'error name');
      const failure = pluginFailure(resultOf(error), 'broken');
      equal(failure.allowed, false, 'failure.allowed');
      hasCode(failure.error, 'INIT_PLUGIN_INIT_FAILED');
      equal(failure.error['pluginId'], 'broken', 'INIT_PLUGIN_INIT_FAILED pluginId');
    },
  }),
  defineTest({
    id: 'startup/error-names-disallowed-only',
    chapter: 'startup',
    requirements: ['BACK-052', 'BACK-053'],
    description:
      'the BackendStartupError message names the failed plugin whose failure is not allowed, not the allowed one',
    async run(ctx) {
      const backend = ctx.createBackend({
        features: [failingPlugin('fatal-plugin'), failingPlugin('tolerated-plugin')],
        config: {
          backend: {
            startup: { plugins: { 'tolerated-plugin': { onPluginBootFailure: 'continue' } } },
          },
        },
      });
      const error = await rejects('startup', () => backend.start());
      const message = (error as Error).message;
      ok(message.includes('fatal-plugin'), `the message must name 'fatal-plugin': ${message}`);
      ok(
        !message.includes('tolerated-plugin'),
        `the message must not name 'tolerated-plugin': ${message}`,
      );
    },
  }),
  defineTest({
    id: 'startup/continue-policy',
    chapter: 'startup',
    requirements: ['BACK-021', 'INIT-067', 'BACK-048'],
    description:
      "with onPluginBootFailure 'continue' a failing plugin is an allowed failure and start() resolves",
    async run(ctx) {
      const backend = ctx.createBackend({
        features: [failingPlugin('optional'), plugin({ pluginId: 'core-plugin' })],
        config: { backend: { startup: { default: { onPluginBootFailure: 'continue' } } } },
      });
      const result = resultOf(await backend.start());
      equal((result as { outcome?: unknown }).outcome, 'success', 'result.outcome');
      equal(
        (pluginEntry(result, 'optional')?.['failure'] as { allowed?: unknown } | undefined)
          ?.allowed,
        true,
        "failure.allowed of 'optional'",
      );
      ok(
        pluginEntry(result, 'core-plugin')?.['failure'] === undefined,
        "'core-plugin' must not fail",
      );
    },
  }),
  defineTest({
    id: 'startup/per-plugin-policy-overrides-default',
    chapter: 'startup',
    requirements: ['INIT-060', 'INIT-062', 'BACK-022'],
    description:
      'a per-plugin onPluginBootFailure overrides the default, which is abort when unset',
    async run(ctx) {
      const config = {
        backend: { startup: { plugins: { lenient: { onPluginBootFailure: 'continue' } } } },
      };
      const allowed = ctx.createBackend({ features: [failingPlugin('lenient')], config });
      await allowed.start();
      const strict = ctx.createBackend({ features: [failingPlugin('strict')], config });
      await startRejectsWith(strict, 'BACK_STARTUP_FAILED');
    },
  }),
  defineTest({
    id: 'startup/module-init-failure',
    chapter: 'startup',
    requirements: ['INIT-079', 'INIT-061', 'BACK-045'],
    description:
      'a throwing module init fails startup by default, recorded as INIT_MODULE_INIT_FAILED in its module entry',
    async run(ctx) {
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'host' }),
          failingModule({ pluginId: 'host', moduleId: 'broken' }),
        ],
      });
      const error = await startRejectsWith(backend, 'BACK_STARTUP_FAILED');
      const moduleError = moduleFailureError(resultOf(error), 'host', 'broken');
      hasCode(moduleError, 'INIT_MODULE_INIT_FAILED');
      equal(moduleError['moduleId'], 'broken', 'INIT_MODULE_INIT_FAILED moduleId');
    },
  }),
  defineTest({
    id: 'startup/no-startup-hooks-after-failure',
    chapter: 'startup',
    requirements: ['LIFE-023', 'LIFE-025'],
    description:
      'a failed plugin gets no startup call, and root startup is skipped when the outcome is failure',
    async run(ctx) {
      const events: string[] = [];
      const backend = ctx.createBackend({
        services: recordingLifecycleFactories(events),
        features: [failingPlugin('broken'), plugin({ pluginId: 'fine' })],
      });
      await rejects('startup', () => backend.start());
      ok(
        !events.includes('plugin:broken:startup'),
        `the failed plugin must get no startup call: [${events.join(', ')}]`,
      );
      ok(
        !events.includes('root:startup'),
        `root startup must not run after a failure: [${events.join(', ')}]`,
      );
    },
  }),
  defineTest({
    id: 'startup/default-lifecycle-hooks-run',
    chapter: 'startup',
    requirements: ['LIFE-021', 'LIFE-024'],
    description:
      "with the runtime's own lifecycle services, plugin and root startup hooks run before start() resolves",
    async run(ctx) {
      const events: string[] = [];
      const backend = ctx.createBackend({
        features: [
          lifecycleHooksPlugin('hooked', ({ lifecycle, root }) => {
            lifecycle.addStartupHook(() => void events.push('plugin'));
            root.addStartupHook(() => void events.push('root'));
          }),
        ],
      });
      await backend.start();
      deepEqual(events, ['plugin', 'root'], 'hooks run');
    },
  }),
  defineTest({
    id: 'startup/scheduled-module-order',
    chapter: 'startup',
    requirements: ['INIT-032', 'INIT-033', 'LIFE-024'],
    description:
      'property: whatever order fc.scheduler settles module inits in, consumers precede providers and modules precede the plugin',
    flags: ['property'],
    timeoutMs: 10_000,
    async run(ctx) {
      await checkProperty(
        ctx,
        fc.asyncProperty(fc.scheduler(), fc.integer({ min: 0, max: 3 }), async (s, extra) => {
          const events: string[] = [];
          const ep = extensionPoint('host.slots');
          const step = (label: string) => async () => {
            events.push(`${label}:begin`);
            await s.schedule(Promise.resolve(label), label);
            events.push(`${label}:end`);
          };
          const independents = Array.from({ length: extra }, (_, i) =>
            module({ pluginId: 'host', moduleId: `free${i}`, init: step(`free${i}`) }),
          );
          const backend = ctx.createBackend({
            services: recordingLifecycleFactories(events),
            features: [
              plugin({ pluginId: 'host', init: step('plugin') }),
              module({
                pluginId: 'host',
                moduleId: 'provider',
                extensionPoints: [{ ref: ep }],
                init: step('provider'),
              }),
              module({
                pluginId: 'host',
                moduleId: 'consumer',
                deps: { slots: ep },
                init: step('consumer'),
              }),
              ...independents,
            ],
          });
          try {
            await s.waitFor(backend.start());
          } finally {
            await backend.stop().catch(() => undefined);
          }
          before(events, 'consumer:end', 'provider:begin');
          for (const label of ['provider', 'consumer', ...independents.map((_, i) => `free${i}`)])
            before(events, `${label}:end`, 'plugin:begin');
          before(events, 'plugin:end', 'root:startup');
        }),
        { maxRuns: 25, interruptAfterTimeLimit: 8000 },
      );
    },
  }),
];
