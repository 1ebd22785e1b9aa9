import { defineTest, type ConformanceTest } from '../../harness/ConformanceTest.js';
import { deepEqual, equal, hasCode, ok, rejects } from '../../harness/assert.js';
import {
  coreRefs,
  extensionPoint,
  module,
  plugin,
  registrationsFeature,
  serviceFactory,
  serviceRef,
} from '../../features/index.js';
import { capturingPlugin } from './capturingPlugin.js';
import { equalFields } from './equalFields.js';
import { failingPlugin } from './failingPlugin.js';
import { pluginEntry, resultOf, ticks } from './helpers.js';
import { pluginFailure } from './pluginFailure.js';
import { preflightFinding } from './preflightFinding.js';
import { recordingModule } from './recordingModule.js';
import { recordingPlugin } from './recordingPlugin.js';

/** A plugin record whose `init.func` is exactly `func`, not wrapped in an async function. */
const rawPlugin = (pluginId: string, func: (deps: Record<string, unknown>) => unknown) =>
  registrationsFeature(() => [
    {
      type: 'plugin-v1.1',
      pluginId,
      extensionPoints: [],
      connections: [],
      init: { deps: {}, func },
    },
  ]);

export const pluginsTests: readonly ConformanceTest[] = [
  defineTest({
    id: 'plugins/init-called-once',
    chapter: 'plugins',
    requirements: ['PLUG-012', 'PLUG-013'],
    description: "start() calls every installed plugin's init exactly once",
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: ['a', 'b', 'c'].map((pluginId) => recordingPlugin(pluginId, calls)),
      });
      await backend.start();
      deepEqual([...calls].sort(), ['a', 'b', 'c'], 'plugin inits called');
    },
  }),
  defineTest({
    id: 'plugins/empty-deps-empty-object',
    chapter: 'plugins',
    requirements: ['PLUG-011'],
    description: 'a plugin with no deps gets an empty object as the argument of its init',
    async run(ctx) {
      let received: unknown[] | undefined;
      const backend = ctx.createBackend({
        features: [rawPlugin('bare', (...args: unknown[]) => void (received = args))],
      });
      await backend.start();
      ok(received, 'init was not called');
      equal(received.length, 1, 'number of init arguments');
      const [arg] = received;
      ok(typeof arg === 'object' && arg !== null, 'the init argument must be an object');
      deepEqual(Object.keys(arg), [], 'keys of the init argument');
    },
  }),
  defineTest({
    id: 'plugins/deps-exact-keys',
    chapter: 'plugins',
    requirements: ['PLUG-010'],
    description:
      "a plugin's init gets exactly the keys of its deps, a singleton instance or a multiton array under each",
    async run(ctx) {
      const single = serviceRef({ id: 'example.single', scope: 'root' });
      const many = serviceRef({ id: 'example.many', scope: 'plugin', multiton: true });
      const consumer = capturingPlugin({
        pluginId: 'consumer',
        deps: { first: single, all: many },
      });
      const backend = ctx.createBackend({
        features: [
          serviceFactory({ service: single, factory: () => ({ kind: 'single' }) }),
          serviceFactory({ service: many, factory: () => ({ kind: 'one' }) }),
          serviceFactory({ service: many, factory: () => ({ kind: 'two' }) }),
          consumer.feature,
        ],
      });
      await backend.start();
      const received = consumer.received();
      ok(received, 'init was not called');
      deepEqual(Object.keys(received).sort(), ['all', 'first'], 'keys of the init argument');
      deepEqual(received['first'], { kind: 'single' }, 'the singleton dependency');
      ok(Array.isArray(received['all']), 'a multiton dependency must be an array');
      deepEqual(
        (received['all'] as { kind: string }[]).map((i) => i.kind).sort(),
        ['one', 'two'],
        'the multiton dependency',
      );
    },
  }),
  defineTest({
    id: 'plugins/sync-init-accepted',
    chapter: 'plugins',
    requirements: ['PLUG-015', 'PLUG-016'],
    description:
      'an init that returns a plain value, not a promise, completes successfully and its value is ignored',
    async run(ctx) {
      let called = false;
      const backend = ctx.createBackend({
        features: [
          rawPlugin('plain', () => {
            called = true;
            return { surprising: 'value' };
          }),
          rawPlugin('falsy', () => false),
        ],
      });
      const result = resultOf(await backend.start()) as Record<string, unknown>;
      ok(called, 'init was not called');
      equal(result['outcome'], 'success', 'result.outcome');
      for (const id of ['plain', 'falsy'])
        equal(pluginEntry(result, id)?.['failure'], undefined, `failure of plugin '${id}'`);
    },
  }),
  defineTest({
    id: 'plugins/waits-for-init-promise',
    chapter: 'plugins',
    requirements: ['PLUG-014'],
    description: "start() does not settle before the promise of a slow plugin's init has settled",
    async run(ctx) {
      let done = false;
      const backend = ctx.createBackend({
        features: [
          plugin({
            pluginId: 'slow',
            init: async () => {
              await new Promise((r) => setTimeout(r, 20));
              done = true;
            },
          }),
        ],
      });
      await backend.start();
      ok(done, 'start() resolved before the init promise settled');
    },
  }),
  defineTest({
    id: 'plugins/init-failure-carries-cause',
    chapter: 'plugins',
    requirements: ['PLUG-017'],
    description:
      'the failure recorded for a throwing init carries the plugin id and the thrown value as cause',
    async run(ctx) {
      const thrown = new Error('the original problem');
      const backend = ctx.createBackend({ features: [failingPlugin('broken', thrown)] });
      const error = await rejects('startup', () => backend.start());
      const failure = pluginFailure(resultOf(error), 'broken');
      equalFields(failure.error, 'failure.error', { pluginId: 'broken', cause: thrown });
    },
  }),
  defineTest({
    id: 'plugins/failure-isolated',
    chapter: 'plugins',
    requirements: ['PLUG-018'],
    description:
      "a plugin's failing init does not stop the init of plugins running or still to run",
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [
          plugin({
            pluginId: 'running',
            init: async () => {
              calls.push('running:begin');
              await ticks(20);
              calls.push('running:end');
            },
          }),
          failingPlugin('broken'),
          recordingPlugin('later', calls),
        ],
      });
      await rejects('startup', () => backend.start());
      for (const event of ['running:begin', 'running:end', 'later'])
        ok(calls.includes(event), `expected '${event}' in [${calls.join(', ')}]`);
    },
  }),
  defineTest({
    id: 'plugins/extension-point-dependency-illegal',
    chapter: 'plugins',
    requirements: ['PLUG-009', 'EXT-023', 'INIT-104'],
    description:
      'a plugin whose init depends on an extension point fails preflight with EXT_ILLEGAL_DEPENDENCY naming the plugin, key and extension point',
    async run(ctx) {
      const calls: string[] = [];
      const ep = extensionPoint('greedy.widgets');
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'greedy', extensionPoints: [{ ref: ep }] }),
          plugin({
            pluginId: 'taker',
            deps: { widgets: ep },
            init: () => void calls.push('taker'),
          }),
        ],
      });
      const finding = await preflightFinding(backend, 'EXT_ILLEGAL_DEPENDENCY');
      equalFields(finding, 'finding', {
        pluginId: 'taker',
        dependencyKey: 'widgets',
        extensionPointId: 'greedy.widgets',
      });
      deepEqual(calls, [], 'inits called');
    },
  }),
  defineTest({
    id: 'plugins/duplicate-id-skips-modules',
    chapter: 'plugins',
    requirements: ['BACK-027', 'BACK-028'],
    description:
      'a duplicated plugin id names both registration paths and none of its modules is initialized',
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'twin' }),
          recordingModule({ pluginId: 'twin', moduleId: 'extra' }, calls, 'module'),
          plugin({ pluginId: 'twin' }),
        ],
      });
      const finding = await preflightFinding(backend, 'BACK_DUPLICATE_PLUGIN_ID');
      const message = String(finding['message']);
      for (const path of ['features[0]', 'features[2]'])
        ok(message.includes(path), `the finding's message must name ${path}: ${message}`);
      deepEqual(calls, [], 'module inits called');
    },
  }),
  defineTest({
    id: 'plugins/duplicate-id-allowed-one-entry',
    chapter: 'plugins',
    requirements: ['BACK-029', 'INIT-109'],
    description:
      "with onPluginBootFailure 'continue', a duplicated plugin id yields one result entry failing with BACK_DUPLICATE_PLUGIN_ID",
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [
          recordingPlugin('twin', calls),
          recordingPlugin('twin', calls),
          plugin({ pluginId: 'single' }),
        ],
        config: {
          backend: { startup: { plugins: { twin: { onPluginBootFailure: 'continue' } } } },
        },
      });
      const result = resultOf(await backend.start()) as { plugins?: Record<string, unknown>[] };
      const entries = (result.plugins ?? []).filter((p) => p['pluginId'] === 'twin');
      equal(entries.length, 1, "result entries for 'twin'");
      const failure = entries[0]!['failure'] as
        { allowed?: unknown; error?: Record<string, unknown> } | undefined;
      ok(failure?.error, "expected a failure in the entry of 'twin'");
      hasCode(failure.error, 'BACK_DUPLICATE_PLUGIN_ID');
      equal(failure.error['pluginId'], 'twin', 'failure.error.pluginId');
      equal(failure.allowed, true, 'failure.allowed');
      deepEqual(calls, [], 'inits of the duplicated plugin');
    },
  }),
  defineTest({
    id: 'plugins/invalid-id-rejected',
    chapter: 'plugins',
    requirements: ['FEAT-066'],
    description:
      'a plugin id that does not match ID_PATTERN_OLD is rejected with FEAT_INVALID_ID before any init',
    negative: { phase: 'startup', code: 'INIT_PREFLIGHT_FAILED', findingCode: 'FEAT_INVALID_ID' },
    async run(ctx) {
      const backend = ctx.createBackend({
        features: [plugin({ pluginId: 'Not a valid id!' }), plugin({ pluginId: 'fine' })],
      });
      await backend.start();
    },
  }),
  defineTest({
    id: 'plugins/legacy-id-warning',
    chapter: 'plugins',
    requirements: ['FEAT-067'],
    description:
      "validate() reports a FEAT_LEGACY_ID warning for a plugin id with '_', and start() still succeeds",
    async run(ctx) {
      const report = await ctx
        .createBackend({ features: [plugin({ pluginId: 'old_style' })] })
        .validate();
      const warning = report.findings.find(
        (f) => f.code === 'FEAT_LEGACY_ID' && f.severity === 'warning',
      );
      ok(
        warning,
        `expected a FEAT_LEGACY_ID warning among [${report.findings.map((f) => f.code).join(', ')}]`,
      );
      equal(report.ok, true, 'report.ok');
      await ctx.createBackend({ features: [plugin({ pluginId: 'old_style' })] }).start();
    },
  }),
  defineTest({
    id: 'plugins/registrations-before-module-init',
    chapter: 'plugins',
    requirements: ['PLUG-007'],
    description:
      "a plugin's getRegistrations() is called before the init or extension point factories of its modules",
    async run(ctx) {
      const events: string[] = [];
      const ep = extensionPoint('host.things');
      const hostRecords = plugin({ pluginId: 'host', extensionPoints: [] }).getRegistrations;
      const host = registrationsFeature(() => {
        events.push('host:getRegistrations');
        const [record] = hostRecords();
        return [
          {
            ...record,
            extensionPoints: [
              {
                extensionPoint: ep,
                factory: () => {
                  events.push('factory');
                  return {};
                },
              },
            ],
          },
        ];
      });
      const backend = ctx.createBackend({
        features: [
          // The module comes first so that a runtime reading features in order could be tempted.
          recordingModule(
            { pluginId: 'host', moduleId: 'user', deps: { things: ep } },
            events,
            'module',
          ),
          host,
        ],
      });
      await backend.start();
      const first = events.indexOf('host:getRegistrations');
      ok(first !== -1, `getRegistrations() of 'host' was not called: [${events.join(', ')}]`);
      ok(
        first < events.indexOf('factory') && first < events.indexOf('module'),
        `expected getRegistrations() before the factory and the module init: [${events.join(', ')}]`,
      );
    },
  }),
  defineTest({
    id: 'plugins/plugin-metadata-per-plugin',
    chapter: 'plugins',
    requirements: ['PLUG-010', 'MOD-021'],
    description:
      "each plugin and each of its modules gets a pluginMetadata whose getId() is the plugin's id",
    async run(ctx) {
      const seen: string[] = [];
      const meta = { metadata: coreRefs.pluginMetadata };
      const record =
        (label: string) =>
        ({ metadata }: Record<string, unknown>) =>
          void seen.push(`${label}=${(metadata as { getId(): string }).getId()}`);
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'left', deps: meta, init: record('left') }),
          plugin({ pluginId: 'right', deps: meta, init: record('right') }),
          module({ pluginId: 'right', moduleId: 'addon', deps: meta, init: record('addon') }),
        ],
      });
      await backend.start();
      deepEqual(seen.sort(), ['addon=right', 'left=left', 'right=right'], 'getId() results');
    },
  }),
];
