import fc from 'fast-check';
import { defineTest, type ConformanceTest } from '../../harness/ConformanceTest.js';
import { deepEqual, equal, hasCode, ok } from '../../harness/assert.js';
import {
  module,
  plugin,
  serviceFactory,
  serviceRef,
  type TestServiceRef,
} from '../../features/index.js';
import { checkProperty } from './checkProperty.js';
import { resultOf, ticks } from './helpers.js';
import { pluginFailure } from './pluginFailure.js';
import { startRejectsWith } from './startRejectsWith.js';

const cycleTest = (
  slug: string,
  requirements: string[],
  description: string,
  edges: (refs: TestServiceRef[]) => [number, number[]][],
): ConformanceTest =>
  defineTest({
    id: `services/${slug}`,
    chapter: 'services',
    requirements,
    description,
    negative: {
      phase: 'startup',
      code: 'INIT_PREFLIGHT_FAILED',
      findingCode: 'SVC_CIRCULAR_DEPENDENCY',
    },
    async run(ctx) {
      const refs = ['a', 'b', 'c'].map((n) => serviceRef({ id: `example.${n}`, scope: 'root' }));
      const factories = edges(refs).map(([i, deps]) =>
        serviceFactory({
          service: refs[i]!,
          deps: Object.fromEntries(deps.map((d) => [`dep${d}`, refs[d]!])),
          factory: () => ({}),
        }),
      );
      const backend = ctx.createBackend({
        features: [...factories, plugin({ pluginId: 'user', deps: { a: refs[0]! } })],
      });
      await backend.start();
    },
  });

/** Root-scoped service graphs without cycles: node i may depend only on nodes below i. */
const acyclicGraph = fc
  .integer({ min: 1, max: 7 })
  .chain((size) =>
    fc.tuple(
      ...Array.from({ length: size }, (_, i) =>
        fc.tuple(fc.subarray(Array.from({ length: i }, (_, j) => j)), fc.nat({ max: 3 })),
      ),
    ),
  );

export const servicesTests: readonly ConformanceTest[] = [
  defineTest({
    id: 'services/root-singleton-shared',
    chapter: 'services',
    requirements: ['SVC-001', 'SVC-005', 'SVC-006'],
    description: 'a root service is built once, with no context, and shared by every plugin',
    async run(ctx) {
      const ref = serviceRef({ id: 'example.shared', scope: 'root' });
      const calls: unknown[][] = [];
      const seen: unknown[] = [];
      const consumer = (pluginId: string) =>
        plugin({ pluginId, deps: { shared: ref }, init: ({ shared }) => void seen.push(shared) });
      const backend = ctx.createBackend({
        features: [
          serviceFactory({
            service: ref,
            factory: (...args) => (calls.push(args), { id: Symbol('shared') }),
          }),
          consumer('one'),
          consumer('two'),
          consumer('three'),
        ],
      });
      await backend.start();
      equal(calls.length, 1, 'factory calls');
      equal(calls[0]![1], undefined, 'second factory argument of a root factory');
      ok(
        seen.length === 3 && seen.every((s) => s === seen[0]),
        'every plugin must receive the same instance',
      );
    },
  }),
  defineTest({
    id: 'services/plugin-scoped-per-plugin',
    chapter: 'services',
    requirements: ['SVC-002', 'SVC-003', 'SVC-004'],
    description:
      "a plugin service is built once per plugin id and shared with that plugin's modules",
    async run(ctx) {
      const ref = serviceRef({ id: 'example.perPlugin', scope: 'plugin' });
      const seen = new Map<string, unknown[]>();
      const record =
        (key: string) =>
        ({ svc }: Record<string, unknown>) =>
          void seen.set(key, [...(seen.get(key) ?? []), svc]);
      let built = 0;
      const backend = ctx.createBackend({
        features: [
          serviceFactory({ service: ref, factory: () => ({ n: ++built }) }),
          plugin({ pluginId: 'left', deps: { svc: ref }, init: record('left') }),
          module({ pluginId: 'left', moduleId: 'extra', deps: { svc: ref }, init: record('left') }),
          plugin({ pluginId: 'right', deps: { svc: ref }, init: record('right') }),
        ],
      });
      await backend.start();
      equal(built, 2, 'factory calls');
      const left = seen.get('left') ?? [];
      ok(
        left.length === 2 && left[0] === left[1],
        "plugin and module must share the plugin's instance",
      );
      ok(seen.get('right')?.[0] !== left[0], 'each plugin id needs its own instance');
    },
  }),
  defineTest({
    id: 'services/root-context-once',
    chapter: 'services',
    requirements: ['SVC-011', 'SVC-012', 'SVC-013', 'SVC-007'],
    description:
      'createRootContext runs once, receives only root deps, and its value reaches every factory call',
    async run(ctx) {
      const rootDep = serviceRef({ id: 'example.rootDep', scope: 'root' });
      const pluginDep = serviceRef({ id: 'example.pluginDep', scope: 'plugin' });
      const ref = serviceRef({ id: 'example.withContext', scope: 'plugin' });
      const contextDeps: string[][] = [];
      const contexts: unknown[] = [];
      const rootContext = { shared: true };
      const backend = ctx.createBackend({
        features: [
          serviceFactory({ service: rootDep, factory: () => 'root' }),
          serviceFactory({ service: pluginDep, factory: () => 'plugin' }),
          serviceFactory({
            service: ref,
            deps: { r: rootDep, p: pluginDep },
            createRootContext: (deps) => (contextDeps.push(Object.keys(deps).sort()), rootContext),
            factory: (_deps, context) => (contexts.push(context), { context }),
          }),
          plugin({ pluginId: 'one', deps: { s: ref } }),
          plugin({ pluginId: 'two', deps: { s: ref } }),
        ],
      });
      await backend.start();
      deepEqual(contextDeps, [['r']], 'createRootContext calls and their dependency keys');
      ok(
        contexts.length === 2 && contexts.every((c) => c === rootContext),
        'every factory call must receive the root context',
      );
    },
  }),
  defineTest({
    id: 'services/multiton-collects-in-order',
    chapter: 'services',
    requirements: ['SVC-016', 'SVC-017', 'SVC-018', 'SVC-019', 'SVC-020'],
    testkitExemption: {
      requirement: 'TEST-004',
      reason:
        "a test kit takes no default service factories from its caller: every factory it is given is a feature, which takes precedence over the kit's own defaults, so the runtime's rules for caller-supplied defaults have nothing to apply to",
    },
    description:
      "a multiton dependency is the array of every factory's instance, defaults first; an unprovided multiton is []",
    async run(ctx) {
      const ref = serviceRef({ id: 'example.many', scope: 'root', multiton: true });
      const none = serviceRef({ id: 'example.none', scope: 'root', multiton: true });
      let received: unknown;
      let empty: unknown;
      const backend = ctx.createBackend({
        services: [serviceFactory({ service: ref, factory: () => 'default' })],
        features: [
          serviceFactory({ service: ref, factory: () => 'first' }),
          plugin({
            pluginId: 'collector',
            deps: { many: ref, none },
            init: ({ many, none: n }) => {
              received = many;
              empty = n;
            },
          }),
          serviceFactory({ service: ref, factory: () => 'second' }),
        ],
      });
      await backend.start();
      deepEqual(received, ['default', 'first', 'second'], 'multiton instances');
      deepEqual(empty, [], 'multiton with no factory');
    },
  }),
  defineTest({
    id: 'services/added-factory-overrides-default',
    chapter: 'services',
    requirements: ['SVC-027', 'SVC-031'],
    testkitExemption: {
      requirement: 'TEST-004',
      reason:
        "a test kit takes no default service factories from its caller: every factory it is given is a feature, which takes precedence over the kit's own defaults, so the runtime's rules for caller-supplied defaults have nothing to apply to",
    },
    description: 'a factory passed to add() replaces the default factory, which is never called',
    async run(ctx) {
      const ref = serviceRef({ id: 'example.overridable', scope: 'root' });
      const calls: string[] = [];
      let received: unknown;
      const backend = ctx.createBackend({
        services: [
          serviceFactory({ service: ref, factory: () => (calls.push('default'), 'default') }),
        ],
        features: [
          plugin({ pluginId: 'user', deps: { s: ref }, init: ({ s }) => void (received = s) }),
          serviceFactory({ service: ref, factory: () => (calls.push('added'), 'added') }),
        ],
      });
      await backend.start();
      equal(received, 'added', 'instance received');
      deepEqual(calls, ['added'], 'factory calls');
    },
  }),
  defineTest({
    id: 'services/ref-default-factory',
    chapter: 'services',
    requirements: ['SVC-032', 'SVC-034', 'FEAT-072'],
    description:
      "a ref's default factory loader is called with the ref when nothing else provides the service",
    async run(ctx) {
      let loaderArg: unknown;
      const ref: TestServiceRef = serviceRef({
        id: 'example.selfProvided',
        scope: 'plugin',
        defaultFactory: async (r) => {
          loaderArg = r;
          return serviceFactory({ service: ref, factory: () => 'from-default' });
        },
      });
      let received: unknown;
      const backend = ctx.createBackend({
        features: [
          plugin({ pluginId: 'user', deps: { s: ref }, init: ({ s }) => void (received = s) }),
        ],
      });
      await backend.start();
      equal(received, 'from-default', 'instance received');
      equal(
        (loaderArg as { id?: unknown } | undefined)?.id,
        ref.id,
        'argument of the default factory loader',
      );
    },
  }),
  defineTest({
    id: 'services/duplicate-added-factories',
    chapter: 'services',
    requirements: ['SVC-050'],
    description:
      'two factories passed to add() for one singleton fail preflight with SVC_DUPLICATE_FACTORY',
    negative: {
      phase: 'startup',
      code: 'INIT_PREFLIGHT_FAILED',
      findingCode: 'SVC_DUPLICATE_FACTORY',
    },
    async run(ctx) {
      const ref = serviceRef({ id: 'example.twice', scope: 'root' });
      const backend = ctx.createBackend({
        features: [
          serviceFactory({ service: ref, factory: () => 1 }),
          serviceFactory({ service: ref, factory: () => 2 }),
          plugin({ pluginId: 'user', deps: { s: ref } }),
        ],
      });
      await backend.start();
    },
  }),
  cycleTest(
    'cycle-among-added-factories',
    ['SVC-048', 'SVC-053'],
    'a cycle among factories passed to add() fails preflight instead of hanging',
    () => [
      [0, [1]],
      [1, [2]],
      [2, [0]],
    ],
  ),
  cycleTest(
    'self-dependency',
    ['SVC-052', 'SVC-053'],
    'a factory that depends on its own service is a circular dependency',
    () => [[0, [0]]],
  ),
  defineTest({
    id: 'services/cycle-among-defaults',
    chapter: 'services',
    requirements: ['SVC-047'],
    testkitExemption: {
      requirement: 'TEST-004',
      reason:
        "a test kit takes no default service factories from its caller: every factory it is given is a feature, which takes precedence over the kit's own defaults, so the runtime's rules for caller-supplied defaults have nothing to apply to",
    },
    description: 'a cycle among default factories makes creation throw SVC_CIRCULAR_DEPENDENCY',
    negative: { phase: 'creation', code: 'SVC_CIRCULAR_DEPENDENCY' },
    async run(ctx) {
      const a = serviceRef({ id: 'example.a', scope: 'root' });
      const b = serviceRef({ id: 'example.b', scope: 'root' });
      ctx.createBackend({
        services: [
          serviceFactory({ service: a, deps: { b }, factory: () => 'a' }),
          serviceFactory({ service: b, deps: { a }, factory: () => 'b' }),
        ],
      });
    },
  }),
  defineTest({
    id: 'services/scope-violation',
    chapter: 'services',
    requirements: ['SVC-042', 'SVC-043'],
    description:
      'a root factory that depends on a plugin-scoped ref fails preflight with SVC_SCOPE_VIOLATION',
    negative: {
      phase: 'startup',
      code: 'INIT_PREFLIGHT_FAILED',
      findingCode: 'SVC_SCOPE_VIOLATION',
    },
    async run(ctx) {
      const perPlugin = serviceRef({ id: 'example.perPlugin', scope: 'plugin' });
      const root = serviceRef({ id: 'example.root', scope: 'root' });
      const backend = ctx.createBackend({
        features: [
          serviceFactory({ service: perPlugin, factory: () => 'p' }),
          serviceFactory({ service: root, deps: { perPlugin }, factory: () => 'r' }),
          plugin({ pluginId: 'user', deps: { root } }),
        ],
      });
      await backend.start();
    },
  }),
  defineTest({
    id: 'services/missing-dependency',
    chapter: 'services',
    requirements: ['SVC-045', 'INIT-053'],
    description:
      'a plugin that depends on a service nothing provides fails preflight with INIT_MISSING_DEPENDENCY',
    negative: {
      phase: 'startup',
      code: 'INIT_PREFLIGHT_FAILED',
      findingCode: 'INIT_MISSING_DEPENDENCY',
    },
    async run(ctx) {
      const backend = ctx.createBackend({
        features: [
          plugin({
            pluginId: 'needy',
            deps: { ghost: serviceRef({ id: 'example.ghost', scope: 'plugin' }) },
          }),
        ],
      });
      await backend.start();
    },
  }),
  defineTest({
    id: 'services/factory-failure-wrapped',
    chapter: 'services',
    requirements: ['SVC-059', 'INIT-057', 'INIT-058', 'BACK-022'],
    description:
      'a throwing factory fails its consumer with INIT_DEPENDENCY_FAILED whose cause is SVC_FACTORY_FAILED',
    async run(ctx) {
      const ref = serviceRef({ id: 'example.broken', scope: 'plugin' });
      const thrown = new Error('factory exploded');
      const backend = ctx.createBackend({
        features: [
          serviceFactory({
            service: ref,
            factory: () => {
              throw thrown;
            },
          }),
          plugin({ pluginId: 'victim', deps: { broken: ref } }),
        ],
      });
      const error = await startRejectsWith(backend, 'BACK_STARTUP_FAILED');
      const failure = pluginFailure(resultOf(error), 'victim');
      hasCode(failure.error, 'INIT_DEPENDENCY_FAILED');
      equal(failure.error['serviceId'], 'example.broken', 'INIT_DEPENDENCY_FAILED serviceId');
      const cause = failure.error['cause'] as Record<string, unknown> | undefined;
      hasCode(cause, 'SVC_FACTORY_FAILED');
      ok(cause?.['cause'] === thrown, 'SVC_FACTORY_FAILED must keep the thrown error as cause');
    },
  }),
  defineTest({
    id: 'services/acyclic-graphs-init-order',
    chapter: 'services',
    requirements: ['SVC-001', 'SVC-005', 'SVC-008', 'SVC-061'],
    description:
      'property: for generated acyclic service graphs, each factory runs once and only after its dependencies resolved',
    flags: ['property'],
    timeoutMs: 10_000,
    async run(ctx) {
      await checkProperty(
        ctx,
        fc.asyncProperty(acyclicGraph, async (nodes) => {
          const refs = nodes.map((_, i) => serviceRef({ id: `example.node${i}`, scope: 'root' }));
          const events: string[] = [];
          const factories = nodes.map(([deps, delay], i) =>
            serviceFactory({
              service: refs[i]!,
              deps: Object.fromEntries(deps.map((d) => [`n${d}`, refs[d]!])),
              factory: async (resolved) => {
                events.push(`begin:${i}`);
                if (
                  Object.keys(resolved).sort().join() !==
                  deps
                    .map((d) => `n${d}`)
                    .sort()
                    .join()
                )
                  throw new Error(`node${i}: wrong dependency keys`);
                await ticks(delay);
                events.push(`end:${i}`);
                return { node: i };
              },
            }),
          );
          const all = Object.fromEntries(refs.map((r, i) => [`n${i}`, r]));
          const backend = ctx.createBackend({
            features: [...factories.reverse(), plugin({ pluginId: 'sink', deps: all })],
          });
          try {
            await backend.start();
          } finally {
            await backend.stop().catch(() => undefined);
          }
          nodes.forEach(([deps], i) => {
            equal(events.filter((e) => e === `begin:${i}`).length, 1, `factory calls of node${i}`);
            for (const d of deps) {
              // A dependency that never resolved (no end event) counts as resolved too late.
              const resolvedAt = events.indexOf(`end:${d}`);
              if (resolvedAt === -1 || resolvedAt > events.indexOf(`begin:${i}`))
                throw new Error(
                  `node${i} started before its dependency node${d} resolved: ${events.join(' ')}`,
                );
            }
          });
        }),
        {
          maxRuns: 30,
          interruptAfterTimeLimit: 8000,
          describeFailure: (details, cause) =>
            `counterexample ${JSON.stringify(details.counterexample)}: ${cause instanceof Error ? cause.message : String(cause)}`,
        },
      );
    },
  }),
];
