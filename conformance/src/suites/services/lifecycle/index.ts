import fc from 'fast-check';
import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { deepEqual, ok, rejects } from '../../../harness/assert.js';
import { instance, serviceBackend } from '../serviceBackend.js';
import { callSync, checkProperty } from '../serviceCall.js';

const LIFECYCLE = 'core.lifecycle';

/** The slice of the plugin lifecycle service the suite drives. */
interface LifecycleLike {
  addStartupHook(hook: () => unknown, options?: { logger?: unknown }): void;
  addShutdownHook(hook: () => unknown, options?: { logger?: unknown }): void;
}

type Behaviour = 'ok' | 'throw' | 'reject' | 'slow';
type Phase = 'startup' | 'shutdown';

/** What the model expects: per phase, the hook labels in the order they were added. */
interface LifecycleModel {
  added: Record<Phase, string[]>;
}
interface LifecycleReal {
  lifecycle: LifecycleLike;
  called: Record<Phase, string[]>;
}

class AddHook implements fc.AsyncCommand<LifecycleModel, LifecycleReal> {
  constructor(
    readonly phase: Phase,
    readonly behaviour: Behaviour,
  ) {}
  check = () => true;
  async run(model: LifecycleModel, real: LifecycleReal) {
    const label = `${this.phase}#${model.added[this.phase].length}:${this.behaviour}`;
    const hook = () => {
      real.called[this.phase].push(label);
      if (this.behaviour === 'throw') throw new Error(`conformance: ${label} throws`);
      if (this.behaviour === 'reject') return Promise.reject(new Error(`${label} rejects`));
      // A hook still pending must not hold back the call of the next one (LIFE-014).
      if (this.behaviour === 'slow') return new Promise((resolve) => setTimeout(resolve, 5));
      return undefined;
    };
    callSync(() =>
      this.phase === 'startup'
        ? real.lifecycle.addStartupHook(hook)
        : real.lifecycle.addShutdownHook(hook),
    );
    model.added[this.phase].push(label);
  }
  toString = () => `add${this.phase}Hook(${this.behaviour})`;
}

const hookCommands = fc.commands(
  [
    fc
      .tuple(
        fc.constantFrom<Phase>('startup', 'shutdown'),
        fc.constantFrom<Behaviour>('ok', 'throw', 'reject', 'slow'),
      )
      .map(([phase, behaviour]) => new AddHook(phase, behaviour)),
  ],
  { maxCommands: 8 },
);

const lifecycleTest = (test: Omit<ConformanceTest, 'chapter' | 'service'>): ConformanceTest =>
  defineTest({ ...test, chapter: 'service-lifecycle', service: LIFECYCLE });

/** The contract suite of `core.lifecycle` (spec/docs/services/lifecycle.md). */
export const lifecycleTests: readonly ConformanceTest[] = [
  lifecycleTest({
    id: 'service-lifecycle/hook-model',
    requirements: ['LIFE-003', 'LIFE-014', 'LIFE-015', 'LIFE-017', 'LIFE-018'],
    description:
      'random startup and shutdown hooks, some throwing or rejecting, are all called once, in the order added',
    flags: ['property'],
    timeoutMs: 20_000,
    async run(ctx) {
      await checkProperty(
        ctx,
        fc.asyncProperty(hookCommands, async (commands) => {
          const model: LifecycleModel = { added: { startup: [], shutdown: [] } };
          const called: LifecycleReal['called'] = { startup: [], shutdown: [] };
          const sb = await serviceBackend(ctx, LIFECYCLE, {
            probes: [
              {
                pluginId: 'hooks',
                services: [LIFECYCLE],
                init: ({ [LIFECYCLE]: lifecycle }) =>
                  fc.asyncModelRun(
                    () => ({ model, real: { lifecycle: lifecycle as LifecycleLike, called } }),
                    commands,
                  ),
              },
            ],
          });
          deepEqual(called.startup, model.added.startup, 'startup hooks called after start()');
          deepEqual(called.shutdown, [], 'shutdown hooks called before stop()');
          await sb.backend.stop();
          deepEqual(called.shutdown, model.added.shutdown, 'shutdown hooks called by stop()');
        }),
        10,
      );
    },
  }),
  lifecycleTest({
    id: 'service-lifecycle/failing-hook-logged',
    requirements: ['LIFE-016', 'LIFE-020'],
    description:
      'a throwing hook is logged at error level with code LIFE_HOOK_FAILED and the plugin id',
    async run(ctx) {
      await serviceBackend(ctx, LIFECYCLE, {
        probes: [
          {
            pluginId: 'failing',
            services: [LIFECYCLE],
            init: ({ [LIFECYCLE]: lifecycle }) =>
              (lifecycle as LifecycleLike).addStartupHook(() => {
                throw new Error('conformance: startup hook fails');
              }),
          },
        ],
      });
      const entry = ctx.logs.find(
        (e) => e.level === 'error' && e.fields['code'] === 'LIFE_HOOK_FAILED',
      );
      ok(
        entry,
        `expected an error entry with code LIFE_HOOK_FAILED among ${JSON.stringify(ctx.logs.map((e) => [e.level, e.message]))}`,
      );
      ok(entry.fields['plugin'] === 'failing', `expected plugin 'failing' on the entry`);
    },
  }),
  lifecycleTest({
    id: 'service-lifecycle/late-hooks',
    requirements: ['LIFE-009', 'LIFE-012'],
    description:
      'addStartupHook fails after startup, and addShutdownHook still works until shutdown',
    async run(ctx) {
      const called: string[] = [];
      const sb = await serviceBackend(ctx, LIFECYCLE, {
        probes: [{ pluginId: 'late', services: [LIFECYCLE] }],
      });
      const lifecycle = instance<LifecycleLike>(sb, 'late', LIFECYCLE);
      await rejects('service', () =>
        callSync(() => lifecycle.addStartupHook(() => void called.push('startup'))),
      );
      callSync(() => lifecycle.addShutdownHook(() => void called.push('shutdown')));
      await sb.backend.stop();
      deepEqual(called, ['shutdown'], 'hooks called');
    },
  }),
];
