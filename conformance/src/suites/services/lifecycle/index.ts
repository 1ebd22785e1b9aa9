import fc from 'fast-check';
import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { deepEqual, equal, ok, rejects } from '../../../harness/assert.js';
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
  /** Slow hooks called and not yet settled, per phase (LIFE-014, LIFE-015). */
  pending: Record<Phase, number>;
  /** Hooks called only after an earlier slow hook of their phase had settled (LIFE-014). */
  waitedFor: string[];
}

/** How long a slow hook stays pending: far longer than calling the hooks of one phase takes. */
const SLOW_MS = 20;

class AddHook implements fc.AsyncCommand<LifecycleModel, LifecycleReal> {
  constructor(
    readonly phase: Phase,
    readonly behaviour: Behaviour,
  ) {}
  check = () => true;
  async run(model: LifecycleModel, real: LifecycleReal) {
    const label = `${this.phase}#${model.added[this.phase].length}:${this.behaviour}`;
    const slowBefore = model.added[this.phase].filter((l) => l.endsWith(':slow')).length;
    const hook = () => {
      real.called[this.phase].push(label);
      // A hook still pending must not hold back the call of the next one (LIFE-014): every
      // earlier slow hook of the phase must still be pending when this one is called.
      if (real.pending[this.phase] < slowBefore) real.waitedFor.push(label);
      if (this.behaviour === 'throw') throw new Error(`conformance: ${label} throws`);
      if (this.behaviour === 'reject') return Promise.reject(new Error(`${label} rejects`));
      if (this.behaviour === 'slow') {
        real.pending[this.phase]++;
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            real.pending[this.phase]--;
            resolve();
          }, SLOW_MS),
        );
      }
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
          const real: Omit<LifecycleReal, 'lifecycle'> = {
            called: { startup: [], shutdown: [] },
            pending: { startup: 0, shutdown: 0 },
            waitedFor: [],
          };
          const { called, pending } = real;
          // Every run has a slow hook first and a plain one last in each phase, so the checks of
          // LIFE-014 and LIFE-015 always have a pending hook to look at.
          const all = [
            new AddHook('startup', 'slow'),
            new AddHook('shutdown', 'slow'),
            ...commands,
            new AddHook('startup', 'ok'),
            new AddHook('shutdown', 'ok'),
          ];
          const sb = await serviceBackend(ctx, LIFECYCLE, {
            probes: [
              {
                pluginId: 'hooks',
                services: [LIFECYCLE],
                init: ({ [LIFECYCLE]: lifecycle }) =>
                  fc.asyncModelRun(
                    () => ({ model, real: { ...real, lifecycle: lifecycle as LifecycleLike } }),
                    all,
                  ),
              },
            ],
          });
          deepEqual(called.startup, model.added.startup, 'startup hooks called after start()');
          equal(pending.startup, 0, 'slow startup hooks still pending once start() resolved');
          deepEqual(called.shutdown, [], 'shutdown hooks called before stop()');
          await sb.backend.stop();
          deepEqual(called.shutdown, model.added.shutdown, 'shutdown hooks called by stop()');
          equal(pending.shutdown, 0, 'slow shutdown hooks still pending once stop() resolved');
          deepEqual(real.waitedFor, [], 'hooks called only after an earlier slow hook settled');
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
