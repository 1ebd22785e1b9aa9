import { defineTest, type ConformanceTest } from '../../harness/ConformanceTest.js';
import { deepEqual, equal, hasCode, ok, rejects } from '../../harness/assert.js';
import {
  coreRefs,
  plugin,
  recordingLifecycleFactories,
  serviceFactory,
  serviceRef,
} from '../../features/index.js';
import { pluginEntry, resultOf } from './helpers.js';
import type { PluginLifecycle } from './lifecycleServices.js';
import { preflightFinding } from './preflightFinding.js';
import { recordingModule } from './recordingModule.js';

export const backendInstanceTests: readonly ConformanceTest[] = [
  defineTest({
    id: 'backend-instance/start-resolves-result',
    chapter: 'backend-instance',
    requirements: ['BACK-020', 'BACK-042', 'BACK-043', 'BACK-044', 'BACK-049'],
    description: "start() resolves with { result }: outcome 'success' and one entry per plugin",
    async run(ctx) {
      const backend = ctx.createBackend({
        features: [plugin({ pluginId: 'alpha' }), plugin({ pluginId: 'beta' })],
      });
      const result = resultOf(await backend.start()) as Record<string, unknown> | undefined;
      ok(result, 'start() must resolve to an object with a result property');
      equal(result['outcome'], 'success', 'result.outcome');
      for (const id of ['alpha', 'beta']) {
        const entry = pluginEntry(result, id);
        ok(entry, `expected a result entry for plugin '${id}'`);
        ok(
          entry['beginAt'] instanceof Date && entry['resultAt'] instanceof Date,
          `plugin '${id}' entry needs beginAt and resultAt dates`,
        );
        ok(entry['failure'] === undefined, `plugin '${id}' entry must have no failure`);
      }
    },
  }),
  defineTest({
    id: 'backend-instance/add-after-start',
    chapter: 'backend-instance',
    requirements: ['BACK-014'],
    description: 'add() throws BACK_ADD_AFTER_START once start() has been called',
    negative: { phase: 'registration', code: 'BACK_ADD_AFTER_START' },
    async run(ctx) {
      const backend = ctx.createBackend({ features: [plugin({ pluginId: 'alpha' })] });
      await backend.start();
      backend.add(plugin({ pluginId: 'late' }));
    },
  }),
  defineTest({
    id: 'backend-instance/add-after-stop',
    chapter: 'backend-instance',
    requirements: ['BACK-015'],
    description:
      'add() throws BACK_ALREADY_STOPPED once stop() has been called on a backend never started',
    negative: { phase: 'registration', code: 'BACK_ALREADY_STOPPED' },
    async run(ctx) {
      const backend = ctx.createBackend();
      await backend.stop();
      backend.add(plugin({ pluginId: 'late' }));
    },
  }),
  defineTest({
    id: 'backend-instance/second-start-rejects',
    chapter: 'backend-instance',
    requirements: ['BACK-023', 'BACK-025'],
    description: 'a second start() returns a promise rejected with BACK_ALREADY_STARTED',
    async run(ctx) {
      const backend = ctx.createBackend({ features: [plugin({ pluginId: 'alpha' })] });
      await backend.start();
      let returned: unknown;
      const error = await rejects('startup', () => {
        returned = backend.start();
        return returned;
      });
      ok(
        returned instanceof Promise,
        'the second start() must return a promise rather than throw synchronously',
      );
      hasCode(error, 'BACK_ALREADY_STARTED');
    },
  }),
  defineTest({
    id: 'backend-instance/start-after-stop',
    chapter: 'backend-instance',
    requirements: ['BACK-024'],
    description: 'start() after stop() rejects with BACK_ALREADY_STOPPED',
    negative: { phase: 'startup', code: 'BACK_ALREADY_STOPPED' },
    async run(ctx) {
      const backend = ctx.createBackend({ features: [plugin({ pluginId: 'alpha' })] });
      await backend.stop();
      await backend.start();
    },
  }),
  defineTest({
    id: 'backend-instance/duplicate-default-factories',
    chapter: 'backend-instance',
    requirements: ['BACK-005'],
    testkitExemption: {
      requirement: 'TEST-004',
      reason:
        "a test kit takes no default service factories from its caller: every factory it is given is a feature, which takes precedence over the kit's own defaults, so the runtime's rules for caller-supplied defaults have nothing to apply to",
    },
    description:
      'two default factories for one service id make creation throw SVC_DUPLICATE_FACTORY',
    negative: { phase: 'creation', code: 'SVC_DUPLICATE_FACTORY' },
    async run(ctx) {
      const ref = serviceRef({ id: 'example.twice', scope: 'root' });
      ctx.createBackend({
        services: [
          serviceFactory({ service: ref, factory: () => 1 }),
          serviceFactory({ service: ref, factory: () => 2 }),
        ],
      });
    },
  }),
  defineTest({
    id: 'backend-instance/plugin-metadata-default-refused',
    chapter: 'backend-instance',
    requirements: ['BACK-006'],
    testkitExemption: {
      requirement: 'TEST-004',
      reason:
        "a test kit takes no default service factories from its caller: every factory it is given is a feature, which takes precedence over the kit's own defaults, so the runtime's rules for caller-supplied defaults have nothing to apply to",
    },
    description:
      'a default factory for core.pluginMetadata makes creation throw SVC_PLUGIN_METADATA_OVERRIDE',
    negative: { phase: 'creation', code: 'SVC_PLUGIN_METADATA_OVERRIDE' },
    async run(ctx) {
      ctx.createBackend({
        services: [
          serviceFactory({
            service: coreRefs.pluginMetadata,
            factory: () => ({ getId: () => 'x' }),
          }),
        ],
      });
    },
  }),
  defineTest({
    id: 'backend-instance/instances-independent',
    chapter: 'backend-instance',
    requirements: ['BACK-008', 'SVC-001'],
    description: 'two backends in one process never share a root service instance',
    async run(ctx) {
      const ref = serviceRef({ id: 'example.counter', scope: 'root' });
      const seen: unknown[] = [];
      const make = () =>
        ctx.createBackend({
          features: [
            serviceFactory({ service: ref, factory: () => ({ created: Symbol('instance') }) }),
            plugin({
              pluginId: 'reader',
              deps: { counter: ref },
              init: ({ counter }) => void seen.push(counter),
            }),
          ],
        });
      await make().start();
      await make().start();
      equal(seen.length, 2, 'plugin inits');
      ok(seen[0] !== seen[1], 'each backend must build its own root instance');
    },
  }),
  defineTest({
    id: 'backend-instance/stop-before-start-runs-nothing',
    chapter: 'backend-instance',
    requirements: ['BACK-055'],
    description: 'stop() on a backend never started calls no factory, init or hook',
    async run(ctx) {
      const calls: string[] = [];
      const ref = serviceRef({ id: 'example.eager', scope: 'root' });
      const backend = ctx.createBackend({
        features: [
          serviceFactory({
            service: ref,
            initialization: 'always',
            factory: () => void calls.push('factory'),
          }),
          plugin({ pluginId: 'alpha', init: () => void calls.push('init') }),
        ],
        services: recordingLifecycleFactories(calls),
      });
      await backend.stop();
      deepEqual(calls, [], 'calls made by stop()');
    },
  }),
  defineTest({
    id: 'backend-instance/stop-runs-hooks-once',
    chapter: 'backend-instance',
    requirements: ['BACK-056', 'BACK-057'],
    description:
      'stop() called twice runs every shutdown hook once, and both calls settle after shutdown',
    async run(ctx) {
      let runs = 0;
      const backend = ctx.createBackend({
        features: [
          plugin({
            pluginId: 'alpha',
            deps: { lifecycle: coreRefs.lifecycle },
            init: ({ lifecycle }) =>
              (lifecycle as PluginLifecycle).addShutdownHook(() => void runs++),
          }),
        ],
      });
      await backend.start();
      const first = backend.stop();
      const second = backend.stop();
      await second;
      equal(runs, 1, 'shutdown hook runs when the second stop() settles');
      await first;
      await backend.stop();
      equal(runs, 1, 'shutdown hook runs after three stop() calls');
    },
  }),
  defineTest({
    id: 'backend-instance/validate-reports-without-init',
    chapter: 'backend-instance',
    requirements: ['BACK-060', 'BACK-061', 'BACK-063', 'BACK-065'],
    description: 'validate() resolves { ok, findings } and calls no init',
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [plugin({ pluginId: 'alpha', init: () => void calls.push('init') })],
      });
      const report = await backend.validate();
      equal(report.ok, true, 'report.ok');
      ok(Array.isArray(report.findings), 'report.findings must be an array');
      deepEqual(calls, [], 'inits called by validate()');
    },
  }),
  defineTest({
    id: 'backend-instance/duplicate-plugin-id',
    chapter: 'backend-instance',
    requirements: ['BACK-026', 'BACK-027', 'BACK-028', 'INIT-104'],
    description:
      'two plugins with one id fail preflight with BACK_DUPLICATE_PLUGIN_ID and neither is initialized',
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'twin', init: () => void calls.push('first') }),
          plugin({ pluginId: 'twin', init: () => void calls.push('second') }),
        ],
      });
      const finding = await preflightFinding(backend, 'BACK_DUPLICATE_PLUGIN_ID');
      equal(finding['pluginId'], 'twin', 'finding.pluginId');
      deepEqual(calls, [], 'inits called');
    },
  }),
  defineTest({
    id: 'backend-instance/orphan-module-skipped',
    chapter: 'backend-instance',
    requirements: ['BACK-033', 'BACK-034'],
    testkitExemption: {
      requirement: 'TEST-041',
      reason:
        'installs an empty plugin for a module whose plugin is not among the features, so such a module initialises instead of being skipped',
    },
    description:
      'a module whose plugin is not installed is not initialized and does not fail startup',
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'present' }),
          recordingModule({ pluginId: 'absent', moduleId: 'orphan' }, calls),
        ],
      });
      const result = resultOf(await backend.start()) as Record<string, unknown>;
      equal(result['outcome'], 'success', 'result.outcome');
      deepEqual(calls, [], 'orphan inits called');
      ok(
        pluginEntry(result, 'absent') === undefined,
        'no result entry may be recorded for the orphan',
      );
    },
  }),
  defineTest({
    id: 'backend-instance/rejected-add-not-unhandled',
    chapter: 'backend-instance',
    requirements: ['BACK-018'],
    description:
      'a rejected promise passed to add() never surfaces as an unhandled rejection, started or not',
    async run(ctx) {
      // The runner's own listeners (vitest's, say) are set aside while the test watches, so a
      // leak the test provokes fails this test rather than the whole run; rejections that are
      // not the test's own are handed back to them afterwards.
      const others = process.listeners('unhandledRejection');
      const unhandled: [unknown, Promise<unknown>][] = [];
      const listener = (reason: unknown, promise: Promise<unknown>) =>
        void unhandled.push([reason, promise]);
      process.removeAllListeners('unhandledRejection');
      process.on('unhandledRejection', listener);
      const idle = new Error('import failed; the backend is never started');
      const started = new Error('import failed; the backend is started');
      try {
        ctx.createBackend({ features: [Promise.reject(idle)] });
        const backend = ctx.createBackend({ features: [Promise.reject(started)] });
        // Node reports unhandled rejections once the microtask queue drains; wait past that.
        await new Promise((r) => setTimeout(r, 20));
        // How start() reports the rejection is BACK-017's business; here it only must not leak.
        await backend.start().catch(() => undefined);
        await new Promise((r) => setTimeout(r, 20));
        const reasons = unhandled.map(([reason]) => reason);
        ok(
          !reasons.includes(idle),
          'the rejection added to a backend that is never started surfaced as unhandled',
        );
        ok(
          !reasons.includes(started),
          'the rejection added to a started backend surfaced as unhandled',
        );
      } finally {
        process.off('unhandledRejection', listener);
        for (const other of others) process.on('unhandledRejection', other);
        for (const [reason, promise] of unhandled)
          if (reason !== idle && reason !== started)
            process.emit('unhandledRejection', reason, promise);
      }
    },
  }),
];
