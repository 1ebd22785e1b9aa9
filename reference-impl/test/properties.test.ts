import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  type BackendFeature,
  type ServiceRef,
} from '../src/index.js';
import type { BackendPreflightError } from '../src/runtime/preflight/BackendPreflightError.js';
import { createTestBackend, rejectionOf } from './helpers/testBackend.js';
import { initPlugin } from './helpers/features.js';

/** A generated wiring: services with deps (by index) and plugins depending on services. */
interface Wiring {
  services: Array<{ deps: number[] }>;
  plugins: Array<{ deps: number[] }>;
}

const wiringArb = (allowCycles: boolean): fc.Arbitrary<Wiring> =>
  fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc.record({
      services: fc
        .array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), {
          minLength: n,
          maxLength: n,
        })
        .map((lists) =>
          lists.map((deps, i) => ({ deps: allowCycles ? deps : deps.filter((d) => d < i) })),
        ),
      plugins: fc.array(
        fc.record({ deps: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }) }),
        { minLength: 1, maxLength: 5 },
      ),
    }),
  );

function build(wiring: Wiring, log: string[]): BackendFeature[] {
  const refs: Array<ServiceRef<string, 'plugin'>> = wiring.services.map((_, i) =>
    createServiceRef<string>({ id: `s${i}` }),
  );
  const factories = wiring.services.map((s, i) => {
    const deps = Object.fromEntries(s.deps.map((d) => [`d${d}`, refs[d]!]));
    return createServiceFactory({
      service: refs[i]!,
      deps: { ...deps, meta: coreServices.pluginMetadata },
      factory: async ({ meta }) => {
        log.push(`s${i}@${meta.getId()}`);
        return `s${i}`;
      },
    });
  });
  const plugins = wiring.plugins.map((p, i) =>
    initPlugin(`p${i}`, Object.fromEntries(p.deps.map((d) => [`d${d}`, refs[d]!])), async () => {
      log.push(`p${i}`);
    }),
  );
  return [...factories, ...plugins];
}

describe('properties over generated feature graphs', () => {
  it('init order always respects dependencies (INIT-031)', async () => {
    await fc.assert(
      fc.asyncProperty(wiringArb(false), async (wiring) => {
        const log: string[] = [];
        const backend = createTestBackend();
        for (const f of build(wiring, log)) backend.add(f);
        await backend.start();
        await backend.stop();
        const at = (entry: string) => log.indexOf(entry);
        wiring.plugins.forEach((p, i) => {
          for (const d of p.deps) expect(at(`s${d}@p${i}`)).toBeLessThan(at(`p${i}`));
        });
        wiring.services.forEach((s, i) => {
          for (const pid of wiring.plugins.keys()) {
            if (at(`s${i}@p${pid}`) < 0) continue;
            for (const d of s.deps) expect(at(`s${d}@p${pid}`)).toBeLessThan(at(`s${i}@p${pid}`));
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('any generated cycle is reported with a path that is really a cycle (SVC-048, SVC-054)', async () => {
    await fc.assert(
      fc.asyncProperty(wiringArb(true), async (wiring) => {
        const backend = createTestBackend();
        for (const f of build(wiring, [])) backend.add(f);
        const { findings } = await backend.validate();
        const cycles = findings.filter((f) => f.code === 'SVC_CIRCULAR_DEPENDENCY');
        for (const { cycle } of cycles) {
          expect(cycle![0]).toBe(cycle![cycle!.length - 1]);
          for (let k = 0; k + 1 < cycle!.length; k++) {
            const from = Number(cycle![k]!.slice(1));
            expect(wiring.services[from]!.deps).toContain(Number(cycle![k + 1]!.slice(1)));
          }
        }
        const hasCycle = hasAnyCycle(wiring);
        expect(cycles.length > 0).toBe(hasCycle);
      }),
      { numRuns: 100 },
    );
  });

  it('the outcome does not depend on add() order (INIT-160)', async () => {
    await fc.assert(
      fc.asyncProperty(
        wiringArb(true).chain((w) =>
          fc.tuple(
            fc.constant(w),
            fc.shuffledSubarray(
              build(w, []).map((_, i) => i),
              { minLength: build(w, []).length },
            ),
          ),
        ),
        async ([wiring, permutation]) => {
          const run = async (order: number[]) => {
            const features = build(wiring, []);
            const backend = createTestBackend();
            for (const i of order) backend.add(features[i]!);
            const validation = await backend.validate();
            const graph = await backend.graph();
            const outcome = validation.ok
              ? (await backend.start()).result.plugins.map((p) => [p.pluginId, Boolean(p.failure)])
              : ((await rejectionOf(backend.start())) as BackendPreflightError).code;
            await backend.stop();
            return {
              findings: validation.findings.map((f) => [
                f.code,
                f.pluginId,
                f.moduleId,
                f.serviceId,
                f.path,
                f.cycle,
              ]),
              graph: JSON.stringify(graph),
              outcome,
            };
          };
          const identity = permutation.map((_, i) => i);
          expect(await run(permutation)).toEqual(await run(identity));
        },
      ),
      { numRuns: 60 },
    );
  });
});

function hasAnyCycle(wiring: Wiring): boolean {
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (i: number): boolean => {
    if (state.get(i) === 'visiting') return true;
    if (state.get(i) === 'done') return false;
    state.set(i, 'visiting');
    const found = wiring.services[i]!.deps.some(visit);
    state.set(i, 'done');
    return found;
  };
  return wiring.services.some((_, i) => visit(i));
}
