/**
 * Wiring cost benchmark: preflight plus wiring for N generated features.
 *
 *   npx tsx bench/wiring.ts [features=10000]
 *
 * Generates a backend with ~20% service factories (plugin- and root-scoped;
 * plugin services depend on up to 3 of 50 base services and a root service), ~40% plugins and ~40% modules
 * (half of them consuming an extension point of their plugin), with trivial
 * init functions, and reports the time of validate() (feature collection +
 * preflight) and of start() (wiring and initialization). Not a timed test.
 */
import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
  createExtensionPoint,
  createServiceFactory,
  createServiceRef,
  createSpecializedBackend,
  BackendInstanceRegistry,
  type BackendFeature,
  type ServiceRef,
} from '../src/index.js';
import { lifecycleServiceFactory } from '../src/services/lifecycle/lifecycleServiceFactory.js';
import { rootLifecycleServiceFactory } from '../src/services/rootLifecycle/rootLifecycleServiceFactory.js';
import { ConsoleLogger } from '../src/services/rootLogger/ConsoleLogger.js';

const total = Number(process.argv[2] ?? 10_000);
let seed = 42;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;

function generate(n: number): BackendFeature[] {
  const serviceCount = Math.floor(n * 0.2);
  const pluginCount = Math.floor(n * 0.4);
  const moduleCount = n - serviceCount - pluginCount;
  const features: BackendFeature[] = [];
  const pluginRefs: Array<ServiceRef<string, 'plugin'>> = [];
  const rootRefs: Array<ServiceRef<string, 'root'>> = [];
  for (let i = 0; i < serviceCount; i++) {
    if (i % 4 === 0) {
      const ref = createServiceRef<string>({ id: `bench.root${i}`, scope: 'root' });
      const deps = Object.fromEntries(
        Array.from({ length: Math.min(rootRefs.length, 2) }, (_, k) => [`d${k}`, pick(rootRefs)]),
      );
      features.push(
        createServiceFactory({
          service: ref,
          initialization: 'lazy',
          deps,
          factory: () => `r${i}`,
        }),
      );
      rootRefs.push(ref);
    } else {
      const ref = createServiceRef<string>({ id: `bench.svc${i}` });
      const deps: Record<string, ServiceRef<unknown>> = {};
      // Depend on base services only, so each plugin's transitive closure stays
      // bounded: plugin-scoped services are instantiated once per plugin, and an
      // unbounded closure would measure instance count, not wiring cost.
      const base = pluginRefs.slice(0, 50);
      for (let k = 0; k < 3 && base.length > 0 && pluginRefs.length >= 50; k++)
        deps[`d${k}`] = pick(base);
      if (rootRefs.length > 0) deps['root'] = pick(rootRefs);
      features.push(createServiceFactory({ service: ref, deps, factory: () => `s${i}` }));
      pluginRefs.push(ref);
    }
  }
  const eps = Array.from({ length: pluginCount }, (_, i) =>
    createExtensionPoint<{ add(): void }>({ id: `bench.p${i}.ep` }),
  );
  for (let i = 0; i < pluginCount; i++) {
    const deps: Record<string, ServiceRef<unknown>> = { logger: coreServices.rootLogger };
    if (pluginRefs.length > 0) deps['svc'] = pick(pluginRefs);
    features.push(
      createBackendPlugin({
        pluginId: `p${i}`,
        register(reg) {
          reg.registerExtensionPoint(eps[i]!, { add() {} });
          reg.registerInit({ deps, async init() {} });
        },
      }),
    );
  }
  for (let i = 0; i < moduleCount; i++) {
    const pluginIndex = i % pluginCount;
    features.push(
      createBackendModule({
        pluginId: `p${pluginIndex}`,
        moduleId: `m${i}`,
        register(reg) {
          reg.registerInit({
            deps:
              i % 2 === 0
                ? { ep: eps[pluginIndex]! }
                : pluginRefs.length > 0
                  ? { svc: pick(pluginRefs) }
                  : {},
            async init() {},
          });
        },
      }),
    );
  }
  return features;
}

async function run(n: number): Promise<{ validateMs: number; startMs: number; findings: number }> {
  const features = generate(n);
  const backend = createSpecializedBackend({
    defaultServiceFactories: [
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => new ConsoleLogger({ level: 'none' }),
      }),
      rootLifecycleServiceFactory,
      lifecycleServiceFactory,
    ],
    pendingReportIntervalMs: false,
    instanceRegistry: new BackendInstanceRegistry({
      target: { addListener: () => undefined, removeListener: () => undefined },
      exit: () => undefined,
    }),
  });
  for (const f of features) backend.add(f);
  const t0 = performance.now();
  const { findings } = await backend.validate();
  const t1 = performance.now();
  await backend.start();
  const t2 = performance.now();
  await backend.stop();
  return { validateMs: t1 - t0, startMs: t2 - t1, findings: findings.length };
}

await run(500); // warm-up
for (const n of [total / 4, total / 2, total]) {
  const { validateMs, startMs, findings } = await run(n);
  console.log(
    `${String(n).padStart(6)} features: collect+preflight ${validateMs.toFixed(0).padStart(5)} ms, ` +
      `wiring+init ${startMs.toFixed(0).padStart(5)} ms, total ${(validateMs + startMs).toFixed(0).padStart(5)} ms` +
      ` (${findings} findings)`,
  );
}
