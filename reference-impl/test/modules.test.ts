import { describe, expect, it } from 'vitest';
import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
  createExtensionPoint,
  type BackendFeature,
} from '../src/index.js';
import { continueAll, module, plugin, rootRef, run } from './helpers/features.js';
import { createTestBackend, findingsOf } from './helpers/testBackend.js';

type Report = { reportModuleStartupFailure(options: { error: Error }): void };

/** A plugin registering `ep` with the factory overload, handing each context to `onContext`. */
function host(
  pluginId: string,
  epId: string,
  onContext: (ctx: Report, module: string) => void,
  init: () => unknown = () => {},
): { feature: BackendFeature; ep: ReturnType<typeof createExtensionPoint<{ name: string }>> } {
  const ep = createExtensionPoint<{ name: string }>({ id: epId });
  const feature = createBackendPlugin({
    pluginId,
    register(r) {
      let n = 0;
      r.registerExtensionPoint({
        extensionPoint: ep,
        factory: (ctx: Report) => {
          const name = `consumer-${n++}`;
          onContext(ctx, name);
          return { name };
        },
      } as never);
      r.registerInit({ deps: {}, init: async () => void (await init()) });
    },
  });
  return { feature, ep };
}

describe('modules', () => {
  it('MOD-005, MOD-006: a module init runs once and may mix service and extension point deps', async () => {
    let runs = 0;
    let got: Record<string, unknown> = {};
    const { feature, ep } = host('p', 'mo.ep', () => {});
    const backend = createTestBackend();
    backend.add(feature);
    backend.add(
      module(
        'p',
        'm',
        (d) => {
          runs++;
          got = d;
        },
        { ep, meta: coreServices.pluginMetadata },
      ),
    );
    await backend.validate();
    await backend.start();
    await backend.stop();
    expect(runs).toBe(1);
    expect(Object.keys(got).sort()).toEqual(['ep', 'meta']);
  });

  it('MOD-011, MOD-012: an orphan\u2019s extension points satisfy nothing and duplicate nothing; its deps are not checked', async () => {
    const ep = createExtensionPoint<object>({ id: 'mo.orphan-ep' });
    const orphan = createBackendModule({
      pluginId: 'absent',
      moduleId: 'o',
      register(r) {
        r.registerExtensionPoint(ep, {});
        r.registerInit({ deps: { missing: rootRef('mo.none') }, init: async () => {} });
      },
    });
    const twin = createBackendModule({
      pluginId: 'absent',
      moduleId: 'twin',
      register(r) {
        r.registerExtensionPoint(ep, {});
        r.registerInit({ deps: {}, init: async () => {} });
      },
    });
    const findings = await findingsOf([
      plugin('p'),
      orphan,
      twin,
      module('p', 'consumer', () => {}, { ep }),
    ]);
    expect(findings.map((f) => [f.code, f.pluginId, f.moduleId])).toEqual([
      ['INIT_MISSING_DEPENDENCY', 'p', 'consumer'],
      ['BACK_ORPHAN_MODULE', 'absent', 'o'],
      ['BACK_ORPHAN_MODULE', 'absent', 'twin'],
    ]);
  });

  it('MOD-023, MOD-024: module hooks run in its plugin\u2019s startup and shutdown phases', async () => {
    const events: string[] = [];
    const { backend } = await run([
      plugin('p', () => void events.push('plugin init')),
      createBackendModule({
        pluginId: 'p',
        moduleId: 'm',
        register: (r) =>
          r.registerInit({
            deps: { lifecycle: coreServices.lifecycle },
            async init({ lifecycle }) {
              lifecycle.addStartupHook(() => void events.push('module startup hook'));
              lifecycle.addShutdownHook(() => void events.push('module shutdown hook'));
            },
          }),
      }),
    ]);
    expect(events).toEqual(['plugin init', 'module startup hook', 'module shutdown hook']);
    expect(backend.logs.length).toBeGreaterThan(0);
  });

  it('MOD-030, MOD-031, MOD-032, MOD-033, MOD-034: a failing module fails alone; siblings, the provider and the plugin still run', async () => {
    const events: string[] = [];
    const ep = createExtensionPoint<object>({ id: 'mo.provided' });
    const provider = createBackendModule({
      pluginId: 'p',
      moduleId: 'provider',
      register(r) {
        r.registerExtensionPoint(ep, {});
        r.registerInit({ deps: {}, init: async () => void events.push('provider') });
      },
    });
    const { result } = await run(
      [
        plugin('p', () => void events.push('plugin')),
        provider,
        module(
          'p',
          'consumer',
          () => {
            throw new Error('consumer broke');
          },
          { ep },
        ),
        module('p', 'sibling', () => void events.push('sibling')),
      ],
      { config: continueAll },
    );
    expect(events.sort()).toEqual(['plugin', 'provider', 'sibling']);
    const entry = result!.plugins[0]!;
    expect(entry.failure).toBeUndefined();
    expect(entry.outcome).toBe('success');
    expect(entry.modules.find((m) => m.moduleId === 'consumer')!.failure!.error).toMatchObject({
      code: 'INIT_MODULE_INIT_FAILED',
      moduleId: 'consumer',
    });
  });

  it('MOD-040, MOD-041, MOD-043, MOD-047, MOD-048, EXT-033: reportModuleStartupFailure reports against the consuming module, keeps earlier failures', async () => {
    const contexts = new Map<string, Report>();
    const thrown: unknown[] = [];
    let pluginFinished = false;
    const { feature, ep } = host(
      'p',
      'mo.report',
      (ctx, name) => contexts.set(name, ctx),
      () => {
        for (const [name, ctx] of contexts) {
          try {
            ctx.reportModuleStartupFailure({ error: new Error(`bad contribution from ${name}`) });
          } catch (error) {
            thrown.push(error);
          }
        }
        pluginFinished = true;
      },
    );
    const early: unknown[] = [];
    const { result } = await run(
      [
        feature,
        module(
          'p',
          'a',
          (d) => void early.push(tryReport(contexts, (d['ep'] as { name: string }).name)),
          { ep },
        ),
        module(
          'p',
          'b',
          () => {
            throw new Error('own failure');
          },
          { ep },
        ),
      ],
      { config: continueAll },
    );
    expect(early[0]).toMatchObject({
      code: 'MOD_FAILURE_REPORTED_TOO_EARLY',
      pluginId: 'p',
      moduleId: 'a',
    });
    expect(thrown).toEqual([]);
    expect(pluginFinished).toBe(true);
    const modules = Object.fromEntries(result!.plugins[0]!.modules.map((m) => [m.moduleId, m]));
    expect(modules['a']!.failure!.error).toMatchObject({
      code: 'MOD_STARTUP_FAILURE_REPORTED',
      pluginId: 'p',
      moduleId: 'a',
    });
    expect((modules['a']!.failure!.error.cause as Error).message).toMatch(/bad contribution/);
    expect(modules['b']!.failure!.error).toMatchObject({ code: 'INIT_MODULE_INIT_FAILED' });
  });

  it('MOD-044, MOD-045, MOD-046: a report after the result is final changes nothing, is logged and does not throw', async () => {
    let late: Report | undefined;
    const { feature, ep } = host('p', 'mo.late', (ctx) => (late = ctx));
    const backend = createTestBackend();
    backend.add(feature);
    backend.add(module('p', 'm', () => {}, { ep }));
    const { result } = await backend.start();
    expect(() => late!.reportModuleStartupFailure({ error: new Error('too late') })).not.toThrow();
    expect(result.plugins[0]!.modules[0]!.failure).toBeUndefined();
    const log = backend.logs.find(
      (l) => l.level === 'error' && l.message.includes('after startup'),
    );
    expect(log?.meta).toMatchObject({ pluginId: 'p', moduleId: 'm' });
    await backend.stop();
  });
});

function tryReport(contexts: Map<string, Report>, name: string): unknown {
  try {
    contexts.get(name)!.reportModuleStartupFailure({ error: new Error('early') });
    return undefined;
  } catch (error) {
    return error;
  }
}
