import fc from 'fast-check';
import { defineTest, type ConformanceTest } from '../../harness/ConformanceTest.js';
import {
  before,
  deepEqual,
  equal,
  hasCode,
  hasFinding,
  ok,
  rejects,
} from '../../harness/assert.js';
import {
  coreRefs,
  extensionPoint,
  module,
  plugin,
  recordingLifecycleFactories,
  registrationsFeature,
  serviceFactory,
  serviceRef,
  type TestExtensionPoint,
} from '../../features/index.js';
import { capturingModule } from './capturingModule.js';
import { checkProperty } from './checkProperty.js';
import { equalFields } from './equalFields.js';
import { failingModule } from './failingModule.js';
import { pluginEntry, resultOf, ticks } from './helpers.js';
import type { PluginLifecycle } from './lifecycleServices.js';
import { messageNames } from './messageNames.js';
import { moduleFailureError } from './moduleFailureError.js';
import { preflightFinding } from './preflightFinding.js';
import { recordingModule } from './recordingModule.js';
import { recordingPlugin } from './recordingPlugin.js';
import { startFailureFinding } from './startFailureFinding.js';
import { startRejectsWith } from './startRejectsWith.js';

type Reporter = { reportModuleStartupFailure(options: { error: Error }): void };

/** A plugin that registers `ep` with a factory that hands each consumer's context to `contexts`. */
function contextCapturingHost(ep: TestExtensionPoint, contexts: unknown[], init?: () => unknown) {
  return plugin({
    pluginId: 'host',
    extensionPoints: [
      {
        ref: ep,
        factory: (context) => {
          contexts.push(context);
          return {};
        },
      },
    ],
    ...(init ? { init } : {}),
  });
}

const moduleFailurePolicy = (policy: 'abort' | 'continue') => ({
  backend: { startup: { default: { onPluginModuleBootFailure: policy } } },
});

export const modulesTests: readonly ConformanceTest[] = [
  defineTest({
    id: 'modules/init-once',
    chapter: 'modules',
    requirements: ['MOD-005', 'MOD-001'],
    description: 'every module of an installed plugin is initialized exactly once',
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'host' }),
          ...['one', 'two'].map((moduleId) =>
            recordingModule({ pluginId: 'host', moduleId }, calls),
          ),
        ],
      });
      await backend.start();
      deepEqual([...calls].sort(), ['one', 'two'], 'module inits called');
    },
  }),
  defineTest({
    id: 'modules/mixed-deps',
    chapter: 'modules',
    requirements: ['MOD-006', 'EXT-034'],
    description:
      'a module may depend on services and extension points at once and gets the registered implementation itself',
    async run(ctx) {
      const ep = extensionPoint('host.registry');
      const impl = { add: () => undefined };
      const custom = serviceRef({ id: 'example.helper', scope: 'plugin' });
      const mixed = capturingModule({
        pluginId: 'host',
        moduleId: 'mixed',
        deps: { registry: ep, helper: custom, logger: coreRefs.logger },
      });
      const backend = ctx.createBackend({
        features: [
          serviceFactory({ service: custom, factory: () => ({ helper: true }) }),
          plugin({ pluginId: 'host', extensionPoints: [{ ref: ep, factory: () => impl }] }),
          mixed.feature,
        ],
      });
      await backend.start();
      const received = mixed.received();
      ok(received, 'module init was not called');
      deepEqual(Object.keys(received).sort(), ['helper', 'logger', 'registry'], 'init keys');
      equal(received['registry'], impl, 'the extension point dependency');
      deepEqual(received['helper'], { helper: true }, 'the service dependency');
    },
  }),
  defineTest({
    id: 'modules/legacy-tuple-extension-point',
    chapter: 'modules',
    requirements: ['FEAT-037', 'FEAT-044', 'EXT-034'],
    description:
      "a legacy 'plugin' record's [ref, impl] extension point hands that very impl to a consuming module",
    async run(ctx) {
      const ep = extensionPoint('legacy.things');
      const impl = { legacy: true };
      const user = capturingModule({ pluginId: 'legacy', moduleId: 'user', deps: { things: ep } });
      const backend = ctx.createBackend({
        features: [
          registrationsFeature(() => [
            {
              type: 'plugin',
              pluginId: 'legacy',
              extensionPoints: [[ep, impl]],
              init: { deps: {}, func: async () => undefined },
            },
          ]),
          user.feature,
        ],
      });
      await backend.start();
      equal(user.received()?.['things'], impl, 'the implementation the module received');
    },
  }),
  defineTest({
    id: 'modules/orphan-warning',
    chapter: 'modules',
    requirements: ['MOD-010', 'BACK-035', 'BACK-036'],
    testkitExemption: {
      requirement: 'TEST-041',
      reason:
        'installs an empty plugin for a module whose plugin is not among the features, so such a module initialises instead of being skipped',
    },
    description:
      'an orphan module is a BACK_ORPHAN_MODULE warning from validate() and a warn log naming it during start()',
    async run(ctx) {
      const features = () => [
        plugin({ pluginId: 'present' }),
        module({ pluginId: 'absent-plugin', moduleId: 'stray' }),
      ];
      const report = await ctx.createBackend({ features: features() }).validate();
      const warning = report.findings.find((f) => f.code === 'BACK_ORPHAN_MODULE');
      ok(
        warning,
        `expected a BACK_ORPHAN_MODULE finding among [${report.findings.map((f) => f.code).join(', ')}]`,
      );
      equal(warning.severity, 'warning', 'finding.severity');
      const fields = warning as unknown as Record<string, unknown>;
      equal(fields['pluginId'], 'absent-plugin', 'finding.pluginId');
      equal(fields['moduleId'], 'stray', 'finding.moduleId');
      await ctx.createBackend({ features: features() }).start();
      const logged = ctx.logs.find(
        (l) =>
          l.level === 'warn' &&
          `${l.message} ${JSON.stringify(l.fields)}`.includes('stray') &&
          `${l.message} ${JSON.stringify(l.fields)}`.includes('absent-plugin'),
      );
      ok(logged, 'expected a warn log naming the module id and the plugin id of the orphan');
    },
  }),
  defineTest({
    id: 'modules/plugin-services-shared',
    chapter: 'modules',
    requirements: ['MOD-020'],
    description: 'a module gets the very instance of a plugin-scoped service its plugin gets',
    async run(ctx) {
      const ref = serviceRef({ id: 'example.perPlugin', scope: 'plugin' });
      const seen: Record<string, unknown> = {};
      const backend = ctx.createBackend({
        features: [
          serviceFactory({ service: ref, factory: () => ({ created: Math.random() }) }),
          plugin({ pluginId: 'host', deps: { s: ref }, init: ({ s }) => void (seen['p'] = s) }),
          module({
            pluginId: 'host',
            moduleId: 'addon',
            deps: { s: ref },
            init: ({ s }) => void (seen['m'] = s),
          }),
        ],
      });
      await backend.start();
      ok(seen['p'] !== undefined, 'the plugin got no instance');
      equal(seen['m'], seen['p'], "the module's instance");
    },
  }),
  defineTest({
    id: 'modules/lifecycle-hooks-in-plugin-phases',
    chapter: 'modules',
    requirements: ['MOD-023', 'MOD-024'],
    description:
      "a module's startup hook runs after its plugin's init, its shutdown hook in the plugin's shutdown phase",
    async run(ctx) {
      const events: string[] = [];
      const backend = ctx.createBackend({
        services: recordingLifecycleFactories(events),
        features: [
          plugin({ pluginId: 'host', init: () => void events.push('plugin:init') }),
          module({
            pluginId: 'host',
            moduleId: 'hooked',
            deps: { lifecycle: coreRefs.lifecycle },
            init: ({ lifecycle }) => {
              const hooks = lifecycle as PluginLifecycle;
              hooks.addStartupHook(() => void events.push('module:startup'));
              hooks.addShutdownHook(() => void events.push('module:shutdown'));
            },
          }),
        ],
      });
      await backend.start();
      before(events, 'plugin:init', 'plugin:host:startup');
      before(events, 'plugin:host:startup', 'module:startup');
      await backend.stop();
      before(events, 'plugin:host:shutdown', 'module:shutdown');
    },
  }),
  defineTest({
    id: 'modules/failure-isolated',
    chapter: 'modules',
    requirements: ['MOD-030', 'MOD-031', 'MOD-032', 'MOD-033'],
    description:
      "a failing module does not stop its siblings or its plugin's init, and is not recorded as a plugin failure",
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [
          recordingPlugin('host', calls, 'plugin'),
          failingModule({ pluginId: 'host', moduleId: 'broken' }),
          module({
            pluginId: 'host',
            moduleId: 'sibling',
            init: async () => {
              await ticks(5);
              calls.push('sibling');
            },
          }),
        ],
      });
      const error = await rejects('startup', () => backend.start());
      const result = resultOf(error);
      ok(calls.includes('sibling'), `the sibling module was not initialized: [${calls}]`);
      ok(calls.includes('plugin'), `the plugin was not initialized: [${calls}]`);
      hasCode(moduleFailureError(result, 'host', 'broken'), 'INIT_MODULE_INIT_FAILED');
      equal(pluginEntry(result, 'host')?.['failure'], undefined, "the plugin entry's failure");
    },
  }),
  defineTest({
    id: 'modules/provider-runs-after-consumer-failed',
    chapter: 'modules',
    requirements: ['MOD-034'],
    description:
      'the module providing an extension point is initialized even though its consumer failed',
    async run(ctx) {
      const calls: string[] = [];
      const ep = extensionPoint('host.rules');
      const backend = ctx.createBackend({
        config: moduleFailurePolicy('continue'),
        features: [
          plugin({ pluginId: 'host' }),
          recordingModule(
            { pluginId: 'host', moduleId: 'provider', extensionPoints: [{ ref: ep }] },
            calls,
          ),
          failingModule({
            pluginId: 'host',
            moduleId: 'consumer',
            deps: { rules: ep },
            thrown: new Error('consumer exploded'),
          }),
        ],
      });
      await backend.start();
      deepEqual(calls, ['provider'], 'provider init called');
    },
  }),
  defineTest({
    id: 'modules/report-failure-too-early',
    chapter: 'modules',
    requirements: ['MOD-040', 'MOD-042', 'MOD-043', 'EXT-033'],
    description:
      'reportModuleStartupFailure called during the consuming module init throws MOD_FAILURE_REPORTED_TOO_EARLY naming it',
    async run(ctx) {
      const ep = extensionPoint('host.slot');
      const contexts: unknown[] = [];
      let thrown: unknown;
      const backend = ctx.createBackend({
        features: [
          contextCapturingHost(ep, contexts),
          module({
            pluginId: 'host',
            moduleId: 'eager',
            deps: { slot: ep },
            init: () => {
              try {
                (contexts[0] as Reporter).reportModuleStartupFailure({ error: new Error('x') });
              } catch (error) {
                thrown = error;
              }
            },
          }),
        ],
      });
      await backend.start();
      equal(contexts.length, 1, 'extension point factory calls');
      ok(thrown !== undefined, 'reportModuleStartupFailure did not throw');
      hasCode(thrown, 'MOD_FAILURE_REPORTED_TOO_EARLY');
      equalFields(thrown, 'error', { pluginId: 'host', moduleId: 'eager' });
    },
  }),
  defineTest({
    id: 'modules/report-failure-recorded',
    chapter: 'modules',
    requirements: ['MOD-041', 'MOD-047'],
    description:
      "a failure reported from the plugin's init is recorded for the module as MOD_STARTUP_FAILURE_REPORTED and the init carries on",
    async run(ctx) {
      const ep = extensionPoint('host.slot');
      const contexts: unknown[] = [];
      const reported = new Error('the contribution is invalid');
      let finished = false;
      const backend = ctx.createBackend({
        features: [
          contextCapturingHost(ep, contexts, async () => {
            (contexts[0] as Reporter).reportModuleStartupFailure({ error: reported });
            await ticks(2);
            finished = true;
          }),
          module({ pluginId: 'host', moduleId: 'contributor', deps: { slot: ep } }),
        ],
      });
      const error = await startRejectsWith(backend, 'BACK_STARTUP_FAILED');
      ok(finished, "the plugin's init did not run to its end");
      const moduleError = moduleFailureError(resultOf(error), 'host', 'contributor');
      hasCode(moduleError, 'MOD_STARTUP_FAILURE_REPORTED');
      equal(moduleError['cause'], reported, 'error.cause');
      equal(pluginEntry(resultOf(error), 'host')?.['failure'], undefined, 'plugin failure');
    },
  }),
  defineTest({
    id: 'modules/report-failure-after-result',
    chapter: 'modules',
    requirements: ['MOD-044', 'MOD-045', 'MOD-046'],
    description:
      'reportModuleStartupFailure after start() resolved neither throws nor changes the result, and logs an error naming the module',
    async run(ctx) {
      const ep = extensionPoint('host.slot');
      const contexts: unknown[] = [];
      const backend = ctx.createBackend({
        features: [
          contextCapturingHost(ep, contexts),
          module({ pluginId: 'host', moduleId: 'late', deps: { slot: ep } }),
        ],
      });
      const result = resultOf(await backend.start()) as Record<string, unknown>;
      const before = JSON.stringify(result);
      let thrown: unknown;
      try {
        (contexts[0] as Reporter).reportModuleStartupFailure({ error: new Error('too late') });
      } catch (error) {
        thrown = error;
      }
      equal(thrown, undefined, 'what reportModuleStartupFailure threw');
      equal(JSON.stringify(result), before, 'the startup result after the late report');
      const logged = ctx.logs.find((l) => {
        const text = `${l.message} ${JSON.stringify(l.fields)}`;
        return l.level === 'error' && text.includes('host') && text.includes('late');
      });
      ok(logged, 'expected an error log naming the plugin id and the module id');
    },
  }),
  defineTest({
    id: 'modules/extension-points-by-id',
    chapter: 'modules',
    requirements: ['EXT-001', 'EXT-002'],
    description:
      'two distinct ref objects with one extension point id, from different libraries, name the same extension point',
    async run(ctx) {
      const registered = extensionPoint('host.api');
      // A second copy, as a second copy of a -node package would create it, without toString.
      const consumed = { $$type: '@backstage/ExtensionPoint', id: 'host.api', T: null };
      const impl = { copy: 'registered' };
      const user = capturingModule({
        pluginId: 'host',
        moduleId: 'user',
        deps: { api: consumed as unknown as TestExtensionPoint },
      });
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'host', extensionPoints: [{ ref: registered, factory: () => impl }] }),
          user.feature,
        ],
      });
      await backend.start();
      equal(
        user.received()?.['api'],
        impl,
        'the implementation reached through the second ref copy',
      );
    },
  }),
  defineTest({
    id: 'modules/extension-point-factory-per-consumer',
    chapter: 'modules',
    requirements: ['EXT-030', 'EXT-031', 'EXT-032'],
    description:
      'an extension point factory runs once per consuming module before its init, and never for an unused extension point',
    async run(ctx) {
      const events: string[] = [];
      const used = extensionPoint('host.used');
      const unused = extensionPoint('host.unused');
      const consumer = (moduleId: string) =>
        module({
          pluginId: 'host',
          moduleId,
          deps: { used },
          init: ({ used: impl }) => void events.push(`${moduleId}:${(impl as { n: number }).n}`),
        });
      let n = 0;
      const backend = ctx.createBackend({
        features: [
          plugin({
            pluginId: 'host',
            extensionPoints: [
              { ref: used, factory: () => (events.push(`factory:${++n}`), { n }) },
              { ref: unused, factory: () => void events.push('unused') },
            ],
          }),
          consumer('first'),
          consumer('second'),
        ],
      });
      await backend.start();
      equal(events.filter((e) => e.startsWith('factory:')).length, 2, 'factory calls');
      ok(!events.includes('unused'), `the unused factory was called: [${events}]`);
      const got = ['first', 'second'].map((m) => events.find((e) => e.startsWith(`${m}:`)));
      ok(got[0] && got[1], `both consumers must be initialized: [${events}]`);
      const calls = got.map((e) => e!.split(':')[1]);
      ok(calls[0] !== calls[1], `each consumer must get its own factory call: [${events}]`);
      got.forEach((event, i) => before(events, `factory:${calls[i]}`, event!));
    },
  }),
  defineTest({
    id: 'modules/extension-point-factory-failure',
    chapter: 'modules',
    requirements: ['EXT-035', 'EXT-036', 'EXT-037'],
    description:
      'a throwing extension point factory fails the consumer with EXT_FACTORY_FAILED and its init is not called',
    async run(ctx) {
      const ep = extensionPoint('host.fragile');
      const thrown = new Error('factory exploded');
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [
          plugin({
            pluginId: 'host',
            extensionPoints: [
              {
                ref: ep,
                factory: () => {
                  throw thrown;
                },
              },
            ],
          }),
          recordingModule({ pluginId: 'host', moduleId: 'victim', deps: { fragile: ep } }, calls),
        ],
      });
      const error = await rejects('startup', () => backend.start());
      const moduleError = moduleFailureError(resultOf(error), 'host', 'victim');
      hasCode(moduleError, 'EXT_FACTORY_FAILED');
      equalFields(moduleError, 'error', {
        pluginId: 'host',
        moduleId: 'victim',
        extensionPointId: 'host.fragile',
        cause: thrown,
      });
      deepEqual(calls, [], 'inits of the failed consumer');
    },
  }),
  defineTest({
    id: 'modules/foreign-extension-point-fields',
    chapter: 'modules',
    requirements: ['EXT-021', 'EXT-022'],
    description:
      "an EXT_FOREIGN_EXTENSION_POINT finding carries the consumer's ids and the extension point, and names the owner",
    async run(ctx) {
      const ep = extensionPoint('owner.api');
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'owner', extensionPoints: [{ ref: ep }] }),
          plugin({ pluginId: 'other' }),
          module({ pluginId: 'other', moduleId: 'intruder', deps: { api: ep } }),
        ],
      });
      const finding = await preflightFinding(backend, 'EXT_FOREIGN_EXTENSION_POINT');
      equalFields(finding, 'finding', {
        pluginId: 'other',
        moduleId: 'intruder',
        extensionPointId: 'owner.api',
      });
      ok(
        String(finding['message']).includes('owner'),
        `the message must name the owner: ${String(finding['message'])}`,
      );
    },
  }),
  defineTest({
    id: 'modules/duplicate-extension-point-fields',
    chapter: 'modules',
    requirements: ['EXT-012', 'EXT-013'],
    description:
      'an EXT_DUPLICATE_EXTENSION_POINT finding carries the id and names every registrant in its message',
    async run(ctx) {
      const ep = extensionPoint('host.twice');
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'host' }),
          module({ pluginId: 'host', moduleId: 'alpha-mod', extensionPoints: [{ ref: ep }] }),
          module({ pluginId: 'host', moduleId: 'beta-mod', extensionPoints: [{ ref: ep }] }),
        ],
      });
      const finding = await startFailureFinding(backend, 'EXT_DUPLICATE_EXTENSION_POINT');
      equal(finding['extensionPointId'], 'host.twice', 'finding.extensionPointId');
      messageNames(finding, ['alpha-mod', 'beta-mod', 'host']);
    },
  }),
  defineTest({
    id: 'modules/duplicated-plugin-not-duplicate-extension-point',
    chapter: 'modules',
    requirements: ['EXT-014', 'BACK-028'],
    description:
      'an extension point registered by both copies of a duplicated plugin is reported only as BACK_DUPLICATE_PLUGIN_ID',
    async run(ctx) {
      const twin = () =>
        plugin({ pluginId: 'twin', extensionPoints: [{ ref: extensionPoint('twin.api') }] });
      const backend = ctx.createBackend({ features: [twin(), twin()] });
      const error = await rejects('startup', () => backend.start());
      hasFinding(error, 'BACK_DUPLICATE_PLUGIN_ID');
      const codes = ((error as { findings?: { code?: unknown }[] }).findings ?? []).map((f) =>
        String(f.code),
      );
      ok(
        !codes.includes('EXT_DUPLICATE_EXTENSION_POINT'),
        `EXT_DUPLICATE_EXTENSION_POINT must not be reported: [${codes.join(', ')}]`,
      );
    },
  }),
  defineTest({
    id: 'modules/missing-extension-point-rendered',
    chapter: 'modules',
    requirements: ['EXT-026', 'INIT-053'],
    description:
      "a missing extension point is reported as INIT_MISSING_DEPENDENCY rendered 'extensionPoint{<id>}'",
    async run(ctx) {
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'host' }),
          module({
            pluginId: 'host',
            moduleId: 'needy',
            deps: { none: extensionPoint('host.none') },
          }),
        ],
      });
      const finding = await startFailureFinding(backend, 'INIT_MISSING_DEPENDENCY');
      ok(
        JSON.stringify(finding).includes('extensionPoint{host.none}'),
        `the finding must render the ref as extensionPoint{host.none}: ${JSON.stringify(finding)}`,
      );
    },
  }),
  defineTest({
    id: 'modules/service-factory-extension-point-illegal',
    chapter: 'modules',
    requirements: ['EXT-024'],
    description:
      'a service factory depending on an extension point fails preflight with EXT_ILLEGAL_DEPENDENCY naming the service',
    async run(ctx) {
      const ep = extensionPoint('host.api');
      const ref = serviceRef({ id: 'example.sneaky', scope: 'plugin' });
      const backend = ctx.createBackend({
        features: [
          serviceFactory({
            service: ref,
            deps: { api: ep as never },
            factory: () => ({}),
          }),
          plugin({ pluginId: 'host', extensionPoints: [{ ref: ep }], deps: { s: ref } }),
        ],
      });
      const finding = await preflightFinding(backend, 'EXT_ILLEGAL_DEPENDENCY');
      equalFields(finding, 'finding', {
        serviceId: 'example.sneaky',
        dependencyKey: 'api',
        extensionPointId: 'host.api',
      });
    },
  }),
  defineTest({
    id: 'modules/generated-graphs',
    chapter: 'modules',
    requirements: ['MOD-001', 'MOD-005', 'EXT-020', 'EXT-030', 'EXT-031', 'INIT-032', 'INIT-033'],
    testkitExemption: {
      requirement: 'TEST-041',
      reason:
        'installs an empty plugin for a module whose plugin is not among the features, so such a module initialises instead of being skipped',
    },
    description:
      'property: for generated plugins, modules, extension points and orphans, every init runs once, in order, and orphans never',
    flags: ['property'],
    timeoutMs: 15_000,
    async run(ctx) {
      const graph = fc.array(
        fc.record({
          installed: fc.constantFrom(true, true, true, false),
          // Per module: which earlier modules' extension points it consumes (acyclic by index).
          modules: fc.array(
            fc.record({ provides: fc.boolean(), consumes: fc.array(fc.nat(5), { maxLength: 3 }) }),
            { maxLength: 5 },
          ),
        }),
        { minLength: 1, maxLength: 4 },
      );
      await checkProperty(
        ctx,
        fc.asyncProperty(graph, async (plugins) => {
          const events: string[] = [];
          const factoryCalls = new Map<string, number>();
          const features: unknown[] = [];
          const expectedFactoryCalls = new Map<string, number>();
          plugins.forEach((p, pi) => {
            const pluginId = `p${pi}`;
            const eps = p.modules.map((_, mi) => extensionPoint(`${pluginId}.ep${mi}`));
            if (p.installed)
              features.push(plugin({ pluginId, init: () => void events.push(`${pluginId}`) }));
            p.modules.forEach((m, mi) => {
              // Only extension points of earlier modules that provide one: no cycles.
              const consumes = [...new Set(m.consumes)].filter(
                (c) => c < mi && p.modules[c]!.provides,
              );
              for (const c of consumes)
                expectedFactoryCalls.set(
                  eps[c]!.id,
                  (expectedFactoryCalls.get(eps[c]!.id) ?? 0) + (p.installed ? 1 : 0),
                );
              features.push(
                module({
                  pluginId,
                  moduleId: `m${mi}`,
                  extensionPoints: m.provides
                    ? [
                        {
                          ref: eps[mi]!,
                          factory: () => {
                            factoryCalls.set(eps[mi]!.id, (factoryCalls.get(eps[mi]!.id) ?? 0) + 1);
                            return {};
                          },
                        },
                      ]
                    : [],
                  deps: Object.fromEntries(consumes.map((c) => [`ep${c}`, eps[c]!])),
                  init: async () => {
                    events.push(`${pluginId}/m${mi}:begin`);
                    await ticks(1 + ((pi + mi) % 3));
                    events.push(`${pluginId}/m${mi}:end`);
                  },
                }),
              );
            });
          });
          const backend = ctx.createBackend({ features });
          try {
            await backend.start();
          } finally {
            await backend.stop().catch(() => undefined);
          }
          plugins.forEach((p, pi) => {
            const pluginId = `p${pi}`;
            equal(
              events.filter((e) => e === pluginId).length,
              p.installed ? 1 : 0,
              `init calls of plugin ${pluginId}`,
            );
            p.modules.forEach((m, mi) => {
              const label = `${pluginId}/m${mi}`;
              equal(
                events.filter((e) => e === `${label}:begin`).length,
                p.installed ? 1 : 0,
                `init calls of module ${label}`,
              );
              if (!p.installed) return;
              before(events, `${label}:end`, pluginId);
              for (const c of new Set(m.consumes))
                if (c < mi && p.modules[c]!.provides)
                  before(events, `${label}:end`, `${pluginId}/m${c}:begin`);
            });
          });
          for (const [id, calls] of expectedFactoryCalls)
            equal(factoryCalls.get(id) ?? 0, calls, `factory calls of ${id}`);
          for (const [id, calls] of factoryCalls)
            ok(expectedFactoryCalls.has(id) || calls === 0, `unexpected factory calls of ${id}`);
        }),
        { maxRuns: 30, interruptAfterTimeLimit: 12_000 },
      );
    },
  }),
];
