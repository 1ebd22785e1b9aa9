import { defineTest, type ConformanceTest } from '../../harness/ConformanceTest.js';
import { HarnessError } from '../../harness/HarnessError.js';
import { before, ok } from '../../harness/assert.js';
import type { WiringCase, WiringFixtureFile } from '../../harness/generated/WiringFixtureFile.js';
import {
  extensionPoint,
  module,
  plugin,
  serviceFactory,
  serviceRef,
  type TestServiceRef,
} from '../../features/index.js';
import moduleOrder from './fixtures/module-order.json' with { type: 'json' };
import moduleWiring from './fixtures/module-wiring.json' with { type: 'json' };
import serviceGraphs from './fixtures/service-graphs.json' with { type: 'json' };
import { ticks } from './helpers.js';

/** The fixture files; each is validated against schemas/wiring-fixture.schema.json by the self test. */
export const wiringFixtureFiles: Record<string, WiringFixtureFile> = {
  'service-graphs.json': serviceGraphs as unknown as WiringFixtureFile,
  'module-order.json': moduleOrder as unknown as WiringFixtureFile,
  'module-wiring.json': moduleWiring as unknown as WiringFixtureFile,
};

/** Builds the features of one case; every factory and init records its events. */
function buildCase(wiring: WiringCase, events: string[]): unknown[] {
  const scopes = new Map(wiring.services.map((s) => [s.id, s.scope]));
  const refs = new Map<string, TestServiceRef>();
  const refFor = (id: string): TestServiceRef => {
    let ref = refs.get(id);
    if (!ref) refs.set(id, (ref = serviceRef({ id, scope: scopes.get(id) ?? 'plugin' })));
    return ref;
  };
  const recorded = (label: string) => async () => {
    events.push(label);
    await ticks(3);
    events.push(`${label}:done`);
    return { label };
  };
  const depsOf = (ids: readonly string[] = []) =>
    Object.fromEntries(ids.map((id, i) => [`d${i}`, refFor(id)]));
  const features: unknown[] = wiring.services.map((s) =>
    serviceFactory({
      service: refFor(s.id),
      deps: depsOf(s.deps),
      factory: recorded(`service:${s.id}`),
      ...(s.initialization ? { initialization: s.initialization } : {}),
    }),
  );
  for (const p of wiring.plugins) {
    if (p.installed !== false)
      features.push(
        plugin({
          pluginId: p.id,
          deps: depsOf(p.deps),
          extensionPoints: (p.provides ?? []).map((id) => ({ ref: extensionPoint(id) })),
          init: recorded(`plugin:${p.id}`),
        }),
      );
    for (const m of p.modules ?? []) {
      features.push(
        module({
          pluginId: p.id,
          moduleId: m.id,
          extensionPoints: (m.provides ?? []).map((id) => ({ ref: extensionPoint(id) })),
          deps: Object.fromEntries(
            (m.consumes ?? []).map((id, i) => [`ep${i}`, extensionPoint(id)]),
          ),
          init: recorded(`module:${p.id}/${m.id}`),
        }),
      );
    }
  }
  return features;
}

function fixtureTests(name: string, file: WiringFixtureFile): ConformanceTest[] {
  if (!Array.isArray(file.cases))
    throw new HarnessError('CONF_HARNESS_INVALID_FIXTURE', `fixture ${name}: no cases`);
  return file.cases.map((wiring) => {
    const expect = wiring.expect;
    return defineTest({
      id: `${file.chapter}/fixture-${wiring.id}`,
      chapter: file.chapter,
      requirements: wiring.requirements,
      description: `${wiring.description} (fixture ${name})`,
      ...('error' in expect ? { negative: expect.error } : {}),
      ...(wiring.testkitExemption ? { testkitExemption: wiring.testkitExemption } : {}),
      async run(ctx) {
        const events: string[] = [];
        const backend = ctx.createBackend({ features: buildCase(wiring, events) });
        await backend.start();
        if ('order' in expect) {
          for (const [a, b] of expect.order) before(events, a!, b!);
          for (const event of expect.absent ?? [])
            ok(!events.includes(event), `'${event}' must not happen: [${events.join(', ')}]`);
        }
      },
    });
  });
}

/** Data-driven tests of pure wiring rules, one per fixture case. */
export const wiringFixtureTests: readonly ConformanceTest[] = Object.entries(
  wiringFixtureFiles,
).flatMap(([name, file]) => fixtureTests(name, file));
