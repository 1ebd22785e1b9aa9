import { defineTest, type ConformanceTest } from '../../harness/ConformanceTest.js';
import { before, deepEqual, equal, ok } from '../../harness/assert.js';
import {
  coreRefs,
  extensionPoint,
  featureLoader,
  plugin,
  registrationsFeature,
  serviceFactory,
  serviceRef,
} from '../../features/index.js';
import { capturingPlugin } from './capturingPlugin.js';
import { equalFields } from './equalFields.js';
import { ticks } from './helpers.js';
import { messageNames } from './messageNames.js';
import { preflightFinding } from './preflightFinding.js';
import { recordingModule } from './recordingModule.js';
import { recordingPlugin } from './recordingPlugin.js';
import { startRejectsWith } from './startRejectsWith.js';

/** A loader that yields `items`, recording its run as `run:<description>`. */
const simpleLoader = (description: string, events: string[], items: () => unknown[]) =>
  featureLoader({
    description,
    loader: () => {
      events.push(`run:${description}`);
      return items();
    },
  });

export const loadersTests: readonly ConformanceTest[] = [
  defineTest({
    id: 'loaders/sync-array',
    chapter: 'loaders',
    requirements: ['FEAT-098', 'LOAD-012'],
    description: 'a loader returning an array synchronously installs the features it returns',
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [
          featureLoader({
            description: 'sync array',
            loader: () => [
              recordingPlugin('loaded', calls),
              recordingModule({ pluginId: 'loaded', moduleId: 'extra' }, calls, 'm'),
            ],
          }),
        ],
      });
      await backend.start();
      deepEqual(calls, ['m', 'loaded'], 'inits of the loaded features');
    },
  }),
  defineTest({
    id: 'loaders/promise-of-array',
    chapter: 'loaders',
    requirements: ['FEAT-098', 'LOAD-012'],
    description: 'an async loader resolving to an array installs the features in it',
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [
          featureLoader({
            description: 'promise of array',
            loader: async () => {
              await ticks(2);
              return [recordingPlugin('from-promise', calls)];
            },
          }),
        ],
      });
      await backend.start();
      deepEqual(calls, ['from-promise'], 'inits of the loaded plugins');
    },
  }),
  defineTest({
    id: 'loaders/iterables',
    chapter: 'loaders',
    requirements: ['FEAT-098'],
    description:
      'a loader may return a generator, an async generator or a promise of another iterable',
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [
          featureLoader({
            description: 'generator',
            *loader() {
              yield recordingPlugin('from-generator', calls);
            },
          }),
          featureLoader({
            description: 'async generator',
            async *loader() {
              await ticks(2);
              yield recordingPlugin('from-async-generator', calls);
            },
          }),
          featureLoader({
            description: 'promise of a set',
            loader: async () => new Set([recordingPlugin('from-set', calls)]),
          }),
        ],
      });
      await backend.start();
      deepEqual(
        [...calls].sort(),
        ['from-async-generator', 'from-generator', 'from-set'],
        'inits of the loaded plugins',
      );
    },
  }),
  defineTest({
    id: 'loaders/module-namespace-items',
    chapter: 'loaders',
    requirements: ['LOAD-012', 'FEAT-014'],
    description: 'a loaded item that is a module namespace with a default feature is unwrapped',
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [
          featureLoader({
            description: 'namespaces',
            loader: () => [
              { default: recordingPlugin('namespaced', calls) },
              Promise.resolve({ default: recordingPlugin('promised', calls) }),
            ],
          }),
        ],
      });
      await backend.start();
      deepEqual([...calls].sort(), ['namespaced', 'promised'], 'inits of the loaded plugins');
    },
  }),
  defineTest({
    id: 'loaders/nested-loaders',
    chapter: 'loaders',
    requirements: ['LOAD-013', 'LOAD-014'],
    description:
      'loaders produced by loaders run to any depth, all before getRegistrations() is called on any feature',
    async run(ctx) {
      const events: string[] = [];
      const leafPlugin = plugin({ pluginId: 'deep', init: () => void events.push('init') });
      const watched = registrationsFeature(() => {
        events.push('getRegistrations');
        return leafPlugin.getRegistrations();
      });
      const level3 = simpleLoader('level 3', events, () => [watched]);
      const level2 = simpleLoader('level 2', events, () => [level3]);
      const level1 = simpleLoader('level 1', events, () => [level2]);
      const backend = ctx.createBackend({ features: [level1] });
      await backend.start();
      before(events, 'run:level 1', 'run:level 2');
      before(events, 'run:level 2', 'run:level 3');
      before(events, 'run:level 3', 'getRegistrations');
      before(events, 'getRegistrations', 'init');
    },
  }),
  defineTest({
    id: 'loaders/sequential-in-add-order',
    chapter: 'loaders',
    requirements: ['LOAD-010', 'LOAD-011'],
    description: 'loaders run one at a time, in the order of the add() calls',
    async run(ctx) {
      const events: string[] = [];
      const slow = (name: string) =>
        featureLoader({
          description: name,
          loader: async () => {
            events.push(`${name}:begin`);
            await new Promise((r) => setTimeout(r, 5));
            events.push(`${name}:end`);
            return [];
          },
        });
      const backend = ctx.createBackend({ features: [slow('one'), slow('two'), slow('three')] });
      await backend.start();
      deepEqual(
        events,
        ['one:begin', 'one:end', 'two:begin', 'two:end', 'three:begin', 'three:end'],
        'loader runs',
      );
    },
  }),
  defineTest({
    id: 'loaders/runs-once',
    chapter: 'loaders',
    requirements: ['LOAD-015'],
    description:
      'one loader object added twice and produced again by another loader runs once per start()',
    async run(ctx) {
      const events: string[] = [];
      const calls: string[] = [];
      const shared = simpleLoader('shared', events, () => [recordingPlugin('only-once', calls)]);
      const again = simpleLoader('again', events, () => [shared]);
      const backend = ctx.createBackend({ features: [shared, shared, again] });
      await backend.start();
      equal(events.filter((e) => e === 'run:shared').length, 1, "runs of the 'shared' loader");
      deepEqual(calls, ['only-once'], 'inits of the loaded plugin');
    },
  }),
  defineTest({
    id: 'loaders/absent-deps',
    chapter: 'loaders',
    requirements: ['FEAT-097', 'LOAD-007'],
    description: 'a loader without a deps property is called with an empty object',
    async run(ctx) {
      let received: unknown[] | undefined;
      const loader = featureLoader({
        description: 'no deps',
        loader: (...args: unknown[]) => {
          received = args;
          return [];
        },
      });
      const withoutDeps: Partial<typeof loader> = { ...loader };
      delete withoutDeps.deps;
      const backend = ctx.createBackend({ features: [withoutDeps] });
      await backend.start();
      ok(received, 'the loader did not run');
      equal(received.length, 1, 'number of loader arguments');
      deepEqual(Object.keys(received[0] as object), [], 'keys of the loader argument');
    },
  }),
  defineTest({
    id: 'loaders/root-deps-resolved-first',
    chapter: 'loaders',
    requirements: ['LOAD-007', 'LOAD-008'],
    description:
      "a loader gets exactly its deps' keys, each root service built, with its own deps, before the loader runs",
    async run(ctx) {
      const events: string[] = [];
      const base = serviceRef({ id: 'example.base', scope: 'root' });
      const top = serviceRef({ id: 'example.top', scope: 'root' });
      let received: Record<string, unknown> | undefined;
      const backend = ctx.createBackend({
        config: { example: { answer: 42 } },
        features: [
          serviceFactory({
            service: base,
            factory: () => (events.push('base'), { base: true }),
          }),
          serviceFactory({
            service: top,
            deps: { base },
            factory: ({ base: b }) => (events.push('top'), { top: true, base: b }),
          }),
          featureLoader({
            description: 'with deps',
            deps: { config: coreRefs.rootConfig, top },
            loader: (deps) => {
              events.push('loader');
              received = deps;
              return [];
            },
          }),
        ],
      });
      await backend.start();
      ok(received, 'the loader did not run');
      deepEqual(Object.keys(received).sort(), ['config', 'top'], 'keys of the loader argument');
      deepEqual(received['top'], { top: true, base: { base: true } }, 'the top service');
      const config = received['config'] as { getOptionalNumber?(key: string): unknown };
      equal(config.getOptionalNumber?.('example.answer'), 42, "config 'example.answer'");
      before(events, 'base', 'top');
      before(events, 'top', 'loader');
    },
  }),
  defineTest({
    id: 'loaders/multiton-without-factory-empty',
    chapter: 'loaders',
    requirements: ['LOAD-005'],
    description:
      'a loader dependency on a root multiton nobody provides resolves to an empty array',
    async run(ctx) {
      const many = serviceRef({ id: 'example.contributions', scope: 'root', multiton: true });
      let received: unknown;
      const backend = ctx.createBackend({
        features: [
          featureLoader({
            description: 'multiton',
            deps: { many },
            loader: ({ many: value }) => {
              received = value;
              return [];
            },
          }),
        ],
      });
      await backend.start();
      deepEqual(received, [], 'the multiton dependency');
    },
  }),
  defineTest({
    id: 'loaders/non-root-dependency',
    chapter: 'loaders',
    requirements: ['LOAD-003', 'LOAD-006'],
    description:
      'a loader depending on a plugin-scoped service fails preflight with LOAD_NON_ROOT_DEPENDENCY and does not run',
    async run(ctx) {
      const events: string[] = [];
      const backend = ctx.createBackend({
        features: [
          featureLoader({
            description: 'wants a logger',
            deps: { logger: coreRefs.logger },
            loader: () => (events.push('ran'), []),
          }),
        ],
      });
      const finding = await preflightFinding(backend, 'LOAD_NON_ROOT_DEPENDENCY');
      equalFields(finding, 'finding', {
        loader: 'wants a logger',
        dependencyKey: 'logger',
        serviceId: 'core.logger',
      });
      deepEqual(events, [], 'loader runs');
    },
  }),
  defineTest({
    id: 'loaders/missing-dependency',
    chapter: 'loaders',
    requirements: ['LOAD-004', 'LOAD-006'],
    description:
      'a loader depending on a root singleton nobody provides fails preflight with LOAD_MISSING_DEPENDENCY',
    async run(ctx) {
      const events: string[] = [];
      const backend = ctx.createBackend({
        features: [
          featureLoader({
            description: 'wants nothing there',
            deps: { absent: serviceRef({ id: 'example.absent', scope: 'root' }) },
            loader: () => (events.push('ran'), []),
          }),
        ],
      });
      const finding = await preflightFinding(backend, 'LOAD_MISSING_DEPENDENCY');
      equalFields(finding, 'finding', { loader: 'wants nothing there', dependencyKey: 'absent' });
      deepEqual(events, [], 'loader runs');
    },
  }),
  defineTest({
    id: 'loaders/extension-point-dependency-illegal',
    chapter: 'loaders',
    requirements: ['EXT-025'],
    description:
      'a loader depending on an extension point fails preflight with EXT_ILLEGAL_DEPENDENCY naming the loader',
    async run(ctx) {
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'host', extensionPoints: [{ ref: extensionPoint('host.api') }] }),
          featureLoader({
            description: 'wants an extension point',
            deps: { api: extensionPoint('host.api') },
            loader: () => [],
          }),
        ],
      });
      const finding = await preflightFinding(backend, 'EXT_ILLEGAL_DEPENDENCY');
      equalFields(finding, 'finding', {
        loader: 'wants an extension point',
        dependencyKey: 'api',
        extensionPointId: 'host.api',
      });
    },
  }),
  defineTest({
    id: 'loaders/all-checked-before-any-runs',
    chapter: 'loaders',
    requirements: ['LOAD-001', 'LOAD-002', 'LOAD-006'],
    description:
      'a bad dependency of the second loader keeps the first, valid, loader from running',
    async run(ctx) {
      const events: string[] = [];
      const backend = ctx.createBackend({
        features: [
          simpleLoader('valid', events, () => []),
          featureLoader({
            description: 'invalid',
            deps: { logger: coreRefs.logger },
            loader: () => (events.push('run:invalid'), []),
          }),
        ],
      });
      await preflightFinding(backend, 'LOAD_NON_ROOT_DEPENDENCY');
      deepEqual(events, [], 'loader runs');
    },
  }),
  defineTest({
    id: 'loaders/loader-failure-named',
    chapter: 'loaders',
    requirements: ['LOAD-020', 'LOAD-021', 'LOAD-022'],
    testkitExemption: {
      requirement: 'TEST-041',
      reason:
        'reads the registrations of every given feature before start() to find modules whose plugin is absent, so getRegistrations() has run before any loader can fail',
    },
    description:
      'a throwing loader rejects start() with LOAD_LOADER_FAILED naming it, and nothing after it runs',
    async run(ctx) {
      const events: string[] = [];
      const thrown = new Error('the loader exploded');
      const watched = registrationsFeature(() => {
        events.push('getRegistrations');
        return plugin({ pluginId: 'direct' }).getRegistrations();
      });
      const backend = ctx.createBackend({
        features: [
          watched,
          featureLoader({
            description: 'explosive',
            loader: () => {
              throw thrown;
            },
          }),
          simpleLoader('after', events, () => []),
        ],
      });
      const error = await startRejectsWith(backend, 'LOAD_LOADER_FAILED');
      equalFields(error, 'error', { loader: 'explosive', cause: thrown });
      deepEqual(events, [], 'later loader runs and getRegistrations() calls');
    },
  }),
  defineTest({
    id: 'loaders/iteration-failure',
    chapter: 'loaders',
    requirements: ['LOAD-020', 'LOAD-021'],
    description:
      'an async iterable whose iteration rejects after one item fails start() with LOAD_LOADER_FAILED',
    async run(ctx) {
      const calls: string[] = [];
      const thrown = new Error('iteration broke');
      const backend = ctx.createBackend({
        features: [
          featureLoader({
            description: 'half done',
            async *loader() {
              yield recordingPlugin('half', calls);
              throw thrown;
            },
          }),
        ],
      });
      const error = await startRejectsWith(backend, 'LOAD_LOADER_FAILED');
      equalFields(error, 'error', { loader: 'half done', cause: thrown });
      deepEqual(calls, [], 'plugin inits');
    },
  }),
  defineTest({
    id: 'loaders/dependency-failure',
    chapter: 'loaders',
    requirements: ['LOAD-023'],
    description:
      'a root service a loader depends on failing to build rejects start() with LOAD_LOADER_FAILED',
    negative: { phase: 'startup', code: 'LOAD_LOADER_FAILED' },
    async run(ctx) {
      const fragile = serviceRef({ id: 'example.fragile', scope: 'root' });
      const backend = ctx.createBackend({
        features: [
          serviceFactory({
            service: fragile,
            factory: () => {
              throw new Error('cannot build');
            },
          }),
          featureLoader({ description: 'needs fragile', deps: { fragile }, loader: () => [] }),
        ],
      });
      await backend.start();
    },
  }),
  defineTest({
    id: 'loaders/invalid-item-path',
    chapter: 'loaders',
    requirements: ['LOAD-016', 'FEAT-018', 'BACK-019'],
    description:
      "an invalid item from a loader is a finding carrying the loader and the path '<p>.loader()[<j>]'",
    async run(ctx) {
      const calls: string[] = [];
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'first' }),
          featureLoader({
            description: 'sloppy',
            loader: () => [recordingPlugin('fine', calls), 42],
          }),
        ],
      });
      const finding = await preflightFinding(backend, 'FEAT_NOT_A_FEATURE');
      equalFields(finding, 'finding', { loader: 'sloppy', path: 'features[1].loader()[1]' });
      deepEqual(calls, [], 'plugin inits');
    },
  }),
  defineTest({
    id: 'loaders/not-iterable',
    chapter: 'loaders',
    requirements: ['FEAT-099'],
    description: 'a loader resolving to something not iterable fails with FEAT_INVALID_LOADER',
    negative: {
      phase: 'startup',
      code: 'INIT_PREFLIGHT_FAILED',
      findingCode: 'FEAT_INVALID_LOADER',
    },
    async run(ctx) {
      const backend = ctx.createBackend({
        features: [featureLoader({ description: 'number', loader: async () => 42 })],
      });
      await backend.start();
    },
  }),
  defineTest({
    id: 'loaders/loader-not-function',
    chapter: 'loaders',
    requirements: ['FEAT-096'],
    description: "a loader feature whose 'loader' is not a function fails with FEAT_INVALID_LOADER",
    negative: {
      phase: 'startup',
      code: 'INIT_PREFLIGHT_FAILED',
      findingCode: 'FEAT_INVALID_LOADER',
    },
    async run(ctx) {
      const bad = { ...featureLoader({ description: 'broken', loader: () => [] }), loader: 'no' };
      await ctx.createBackend({ features: [bad] }).start();
    },
  }),
  defineTest({
    id: 'loaders/added-factory-wins',
    chapter: 'loaders',
    requirements: ['LOAD-030'],
    description:
      'a factory passed to add() beats a loader-produced factory for the same singleton, in either order',
    async run(ctx) {
      const ref = serviceRef({ id: 'example.choice', scope: 'plugin' });
      const fromLoader = serviceFactory({ service: ref, factory: () => 'loader' });
      const fromAdd = serviceFactory({ service: ref, factory: () => 'added' });
      for (const order of ['loader-first', 'add-first']) {
        const loader = featureLoader({ description: 'provider', loader: () => [fromLoader] });
        const consumer = capturingPlugin({ pluginId: 'consumer', deps: { choice: ref } });
        const { feature } = consumer;
        const backend = ctx.createBackend({
          features:
            order === 'loader-first' ? [loader, fromAdd, feature] : [fromAdd, loader, feature],
        });
        await backend.start();
        equal(consumer.received()?.['choice'], 'added', `the instance (${order})`);
      }
    },
  }),
  defineTest({
    id: 'loaders/loader-factory-beats-defaults',
    chapter: 'loaders',
    requirements: ['LOAD-032'],
    testkitExemption: {
      requirement: 'TEST-004',
      reason:
        "a test kit takes no default service factories from its caller: every factory it is given is a feature, which takes precedence over the kit's own defaults, so the runtime's rules for caller-supplied defaults have nothing to apply to",
    },
    description:
      "a loader-produced factory beats both the backend's default factory and the ref's defaultFactory",
    async run(ctx) {
      const withDefault = serviceRef({
        id: 'example.refDefault',
        scope: 'plugin',
        defaultFactory: async (ref) => serviceFactory({ service: ref, factory: () => 'ref' }),
      });
      const backendDefault = serviceRef({ id: 'example.backendDefault', scope: 'plugin' });
      const consumer = capturingPlugin({
        pluginId: 'consumer',
        deps: { a: withDefault, b: backendDefault },
      });
      const backend = ctx.createBackend({
        services: [serviceFactory({ service: backendDefault, factory: () => 'default' })],
        features: [
          featureLoader({
            description: 'overrides',
            loader: () => [
              serviceFactory({ service: withDefault, factory: () => 'loader' }),
              serviceFactory({ service: backendDefault, factory: () => 'loader' }),
            ],
          }),
          consumer.feature,
        ],
      });
      await backend.start();
      deepEqual(consumer.received(), { a: 'loader', b: 'loader' }, 'the instances');
    },
  }),
  defineTest({
    id: 'loaders/duplicate-loader-factories',
    chapter: 'loaders',
    requirements: ['LOAD-033', 'LOAD-034'],
    description:
      'two loaders producing factories for one singleton fail preflight with LOAD_DUPLICATE_SERVICE_FACTORY naming both',
    async run(ctx) {
      const ref = serviceRef({ id: 'example.contested', scope: 'plugin' });
      const backend = ctx.createBackend({
        features: [
          featureLoader({
            description: 'first-loader',
            loader: () => [serviceFactory({ service: ref, factory: () => 1 })],
          }),
          featureLoader({
            description: 'second-loader',
            loader: () => [serviceFactory({ service: ref, factory: () => 2 })],
          }),
          plugin({ pluginId: 'consumer', deps: { c: ref } }),
        ],
      });
      const finding = await preflightFinding(backend, 'LOAD_DUPLICATE_SERVICE_FACTORY');
      equal(finding['serviceId'], 'example.contested', 'finding.serviceId');
      messageNames(finding, ['first-loader', 'second-loader']);
    },
  }),
  defineTest({
    id: 'loaders/multiton-factories-all-count',
    chapter: 'loaders',
    requirements: ['LOAD-035'],
    description:
      'multiton factories from several loaders and from add() all contribute to the multiton',
    async run(ctx) {
      const ref = serviceRef({ id: 'example.parts', scope: 'plugin', multiton: true });
      const part = (name: string) => serviceFactory({ service: ref, factory: () => name });
      const consumer = capturingPlugin({ pluginId: 'consumer', deps: { parts: ref } });
      const backend = ctx.createBackend({
        features: [
          part('added'),
          featureLoader({ description: 'one', loader: () => [part('loader-one')] }),
          featureLoader({ description: 'two', loader: () => [part('loader-two')] }),
          consumer.feature,
        ],
      });
      await backend.start();
      const received = consumer.received()?.['parts'];
      ok(Array.isArray(received), 'a multiton dependency must be an array');
      deepEqual(
        [...(received as string[])].sort(),
        ['added', 'loader-one', 'loader-two'],
        'the multiton instances',
      );
    },
  }),
  defineTest({
    id: 'loaders/loader-dependency-replaced',
    chapter: 'loaders',
    requirements: ['LOAD-036', 'LOAD-037'],
    testkitExemption: {
      requirement: 'TEST-004',
      reason:
        "a test kit takes no default service factories from its caller: every factory it is given is a feature, which takes precedence over the kit's own defaults, so the runtime's rules for caller-supplied defaults have nothing to apply to",
    },
    description:
      'a loader replacing the factory of a service another loader depends on fails preflight with LOAD_LOADER_DEPENDENCY_REPLACED',
    async run(ctx) {
      const ref = serviceRef({ id: 'example.settings', scope: 'root' });
      const backend = ctx.createBackend({
        services: [serviceFactory({ service: ref, factory: () => 'default' })],
        features: [
          featureLoader({ description: 'reader', deps: { settings: ref }, loader: () => [] }),
          featureLoader({
            description: 'replacer',
            loader: () => [serviceFactory({ service: ref, factory: () => 'replaced' })],
          }),
        ],
      });
      const finding = await preflightFinding(backend, 'LOAD_LOADER_DEPENDENCY_REPLACED');
      equalFields(finding, 'finding', { serviceId: 'example.settings', loader: 'replacer' });
    },
  }),
];
