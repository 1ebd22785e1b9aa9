import { defineTest, type ConformanceTest } from '../../harness/ConformanceTest.js';
import { deepEqual, equal, ok, rejects } from '../../harness/assert.js';
import {
  FEATURE_TYPE,
  coreRefs,
  plugin,
  registrationsFeature,
  serviceFactory,
  serviceRef,
} from '../../features/index.js';
import { recordingPlugin } from './recordingPlugin.js';
import { startFailureFinding } from './startFailureFinding.js';

/** A negative test: `value` is added after a valid plugin, and start() must fail preflight with `code`. */
function invalidFeature(
  slug: string,
  requirements: string[],
  description: string,
  code: string,
  value: () => unknown,
): ConformanceTest {
  return defineTest({
    id: `wire-format/${slug}`,
    chapter: 'wire-format',
    requirements: ['BACK-019', 'INIT-104', ...requirements],
    description,
    negative: { phase: 'startup', code: 'INIT_PREFLIGHT_FAILED', findingCode: code },
    async run(ctx) {
      const backend = ctx.createBackend({ features: [plugin({ pluginId: 'ok' }), value()] });
      await backend.start();
    },
  });
}

const validRecord = (overrides: Record<string, unknown>) => () =>
  registrationsFeature(() => [
    {
      type: 'plugin-v1.1',
      pluginId: 'broken',
      extensionPoints: [],
      init: { deps: {}, func: async () => undefined },
      ...overrides,
    },
  ]);

export const wireFormatTests: readonly ConformanceTest[] = [
  invalidFeature(
    'not-a-feature',
    ['FEAT-005'],
    'a number given as a feature is rejected',
    'FEAT_NOT_A_FEATURE',
    () => 42,
  ),
  invalidFeature(
    'invalid-type-tag',
    ['FEAT-006'],
    'a feature with a foreign $$type is rejected',
    'FEAT_INVALID_TYPE_TAG',
    () => ({
      ...plugin({ pluginId: 'tagged' }),
      $$type: '@example/Feature',
    }),
  ),
  invalidFeature(
    'unsupported-version',
    ['FEAT-008'],
    "a feature whose version is not 'v1' is rejected",
    'FEAT_UNSUPPORTED_VERSION',
    () => ({
      ...plugin({ pluginId: 'versioned' }),
      version: 'v2',
    }),
  ),
  invalidFeature(
    'unknown-feature-type',
    ['FEAT-013'],
    'a feature of no known kind is rejected',
    'FEAT_UNKNOWN_FEATURE_TYPE',
    () => ({
      $$type: FEATURE_TYPE,
      version: 'v1',
      featureType: 'widget',
    }),
  ),
  invalidFeature(
    'registrations-not-array',
    ['FEAT-033'],
    'getRegistrations() returning an object is rejected',
    'FEAT_INVALID_REGISTRATIONS',
    () => ({
      $$type: FEATURE_TYPE,
      version: 'v1',
      featureType: 'registrations',
      getRegistrations: () => ({}),
    }),
  ),
  invalidFeature(
    'unknown-registration-type',
    ['FEAT-038'],
    'a registration record of an unknown type is rejected',
    'FEAT_UNKNOWN_REGISTRATION_TYPE',
    validRecord({ type: 'widget-v9' }),
  ),
  invalidFeature(
    'plugin-id-not-string',
    ['FEAT-039'],
    'a registration record whose pluginId is not a string is rejected',
    'FEAT_INVALID_REGISTRATION',
    validRecord({ pluginId: 7 }),
  ),
  invalidFeature(
    'init-func-not-function',
    ['FEAT-048'],
    'a registration record whose init.func is not a function is rejected',
    'FEAT_INVALID_REGISTRATION',
    validRecord({ init: { deps: {}, func: 'start' } }),
  ),
  invalidFeature(
    'invalid-service-ref-scope',
    ['FEAT-068', 'FEAT-050'],
    "a plugin dependency whose scope is not 'root' or 'plugin' is rejected",
    'FEAT_INVALID_SERVICE_REF',
    validRecord({
      init: {
        deps: { thing: { id: 'example.thing', scope: 'galaxy' } },
        func: async () => undefined,
      },
    }),
  ),
  defineTest({
    id: 'wire-format/validation-error-path',
    chapter: 'wire-format',
    requirements: ['FEAT-016', 'FEAT-017', 'FEAT-013'],
    description: "a validation finding carries the path 'features[<i>].featureType' of the culprit",
    async run(ctx) {
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'first' }),
          { $$type: FEATURE_TYPE, version: 'v1', featureType: 'widget' },
        ],
      });
      const finding = await startFailureFinding(backend, 'FEAT_UNKNOWN_FEATURE_TYPE');
      equal(finding['path'], 'features[1].featureType', 'finding path');
    },
  }),
  defineTest({
    id: 'wire-format/registration-failed-keeps-cause',
    chapter: 'wire-format',
    requirements: ['FEAT-035', 'BACK-097'],
    description:
      'a getRegistrations() that throws is reported as FEAT_REGISTRATION_FAILED with the thrown value as cause',
    async run(ctx) {
      const thrown = new Error('register exploded');
      const broken = {
        $$type: FEATURE_TYPE,
        version: 'v1',
        featureType: 'registrations',
        getRegistrations: () => {
          throw thrown;
        },
      };
      const backend = ctx.createBackend({ features: [broken] });
      const finding = await startFailureFinding(backend, 'FEAT_REGISTRATION_FAILED');
      ok(finding['cause'] === thrown, 'the finding must carry the thrown error as cause');
    },
  }),
  defineTest({
    id: 'wire-format/unknown-properties-ignored',
    chapter: 'wire-format',
    requirements: ['FEAT-004', 'FEAT-051'],
    description:
      'unknown properties on features, records and refs are ignored, and connections may be absent',
    async run(ctx) {
      const ran: string[] = [];
      const ref = { ...serviceRef({ id: 'example.extra', scope: 'root' }), flavour: 'vanilla' };
      const feature = {
        ...registrationsFeature(() => [
          {
            type: 'plugin-v1.1',
            pluginId: 'extra',
            extensionPoints: [],
            colour: 'blue',
            init: {
              deps: { thing: ref },
              func: async () => void ran.push('extra'),
              note: 'ignored',
            },
          },
        ]),
        marketing: { tagline: 'ignored' },
      };
      const backend = ctx.createBackend({
        features: [
          feature,
          { ...serviceFactory({ service: ref, factory: () => ({}) }), extra: true },
        ],
      });
      await backend.start();
      deepEqual(ran, ['extra'], 'plugins initialized');
    },
  }),
  defineTest({
    id: 'wire-format/module-namespaces-unwrapped',
    chapter: 'wire-format',
    requirements: ['FEAT-014', 'BACK-011'],
    description:
      'a module namespace, a promise of one, and a doubly nested default are all unwrapped',
    async run(ctx) {
      const ran: string[] = [];
      const backend = ctx.createBackend({
        features: [
          { default: recordingPlugin('direct', ran) },
          Promise.resolve({ default: recordingPlugin('promised', ran) }),
          Promise.resolve({ default: { default: recordingPlugin('nested', ran) } }),
        ],
      });
      await backend.start();
      deepEqual([...ran].sort(), ['direct', 'nested', 'promised'], 'plugins initialized');
    },
  }),
  defineTest({
    id: 'wire-format/refs-without-type-tag',
    chapter: 'wire-format',
    requirements: ['FEAT-069', 'FEAT-070'],
    description:
      'a service ref without $$type is accepted, and refs with equal ids name the same service',
    async run(ctx) {
      let received: unknown;
      const instance = { answer: 42 };
      const backend = ctx.createBackend({
        features: [
          serviceFactory({
            service: serviceRef({ id: 'example.answer', scope: 'root' }),
            factory: () => instance,
          }),
          plugin({
            pluginId: 'asker',
            deps: { answer: { id: 'example.answer', scope: 'root' } as never },
            init: ({ answer }) => void (received = answer),
          }),
        ],
      });
      await backend.start();
      ok(received === instance, 'the plugin must receive the instance made for the ref id');
    },
  }),
  defineTest({
    id: 'wire-format/duck-typed-registrations',
    chapter: 'wire-format',
    requirements: ['FEAT-012'],
    description:
      'a feature without featureType but with getRegistrations is a registrations feature',
    async run(ctx) {
      const ran: string[] = [];
      const { featureType: _omitted, ...legacy } = recordingPlugin('legacy', ran);
      const backend = ctx.createBackend({ features: [legacy] });
      await backend.start();
      deepEqual(ran, ['legacy'], 'plugins initialized');
    },
  }),
  defineTest({
    id: 'wire-format/registrations-not-read-before-start',
    chapter: 'wire-format',
    requirements: ['FEAT-030'],
    description: 'add() does not call getRegistrations(); start() does',
    async run(ctx) {
      let calls = 0;
      const feature = registrationsFeature(() => {
        calls++;
        return plugin({ pluginId: 'counted' }).getRegistrations();
      });
      const backend = ctx.createBackend();
      backend.add(feature);
      equal(calls, 0, 'getRegistrations() calls before start()');
      await backend.start();
      ok(calls >= 1, 'start() must call getRegistrations()');
    },
  }),
  defineTest({
    id: 'wire-format/add-defers-validation',
    chapter: 'wire-format',
    requirements: ['BACK-013', 'BACK-012'],
    description:
      'add() returns undefined and never throws for an invalid value; start() reports it',
    async run(ctx) {
      const backend = ctx.createBackend();
      for (const value of [42, null, undefined, 'plugin', { $$type: 'nope' }]) {
        let returned: unknown = 'not called';
        try {
          returned = backend.add(value);
        } catch (error) {
          ok(
            false,
            `add(${String(value)}) threw: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        equal(returned, undefined, `add(${String(value)}) return value`);
      }
      await rejects('startup', () => backend.start());
    },
  }),
  defineTest({
    id: 'wire-format/core-refs-by-id',
    chapter: 'wire-format',
    requirements: ['FEAT-070', 'SVC-039'],
    description: 'core services are found by ref id alone; pluginMetadata.getId() names the plugin',
    async run(ctx) {
      let id: unknown;
      const backend = ctx.createBackend({
        features: [
          plugin({
            pluginId: 'meta',
            deps: { metadata: coreRefs.pluginMetadata },
            init: ({ metadata }) => void (id = (metadata as { getId(): string }).getId()),
          }),
        ],
      });
      await backend.start();
      equal(id, 'meta', 'pluginMetadata.getId()');
    },
  }),
];
