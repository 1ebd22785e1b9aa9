import { describe, expect, it } from 'vitest';
import {
  createBackendFeatureLoader,
  createBackendModule,
  createBackendPlugin,
  createExtensionPoint,
  createServiceFactory,
} from '../src/index.js';
import { continueAll, module, plugin, rootRef, run } from './helpers/features.js';
import {
  findingsOf,
  loaderDescription,
  rawFeature,
  rawModule,
  rawPlugin,
} from './helpers/testBackend.js';

const middleware = (extensionPointId: string, fn: (impl: unknown) => unknown) => ({
  $$type: '@backstage/ExtensionPointFactoryMiddleware',
  version: 'v1',
  extensionPointId,
  middleware: async (impl: unknown) => fn(impl),
});

describe('extension point refs (EXT-001, EXT-002)', () => {
  it('EXT-001, EXT-002: refs from different copies (or hand-written) match by id', async () => {
    const impl = { from: 'plugin' };
    let got: unknown;
    await run([
      createBackendPlugin({
        pluginId: 'p',
        register(r) {
          r.registerExtensionPoint(createExtensionPoint({ id: 'x.ep' }), impl);
          r.registerInit({ deps: {}, init: async () => {} });
        },
      }),
      rawFeature([
        rawModule('p', 'm', {
          init: {
            deps: { ep: { $$type: '@backstage/ExtensionPoint', id: 'x.ep' } },
            func: ({ ep }: { ep: unknown }) => void (got = ep),
          },
        }),
      ]),
    ]);
    expect(got).toBe(impl);
  });
});

describe('registering and consuming (EXT-010 to EXT-027)', () => {
  it('EXT-010, EXT-011, EXT-020, EXT-034: plugins and modules register; modules of the owning plugin consume the very impl', async () => {
    const fromPlugin = createExtensionPoint<object>({ id: 'x.plugin-ep' });
    const fromModule = createExtensionPoint<object>({ id: 'x.module-ep' });
    const pluginImpl = {};
    const moduleImpl = {};
    const got: unknown[] = [];
    await run([
      createBackendPlugin({
        pluginId: 'p',
        register(r) {
          r.registerExtensionPoint(fromPlugin, pluginImpl);
          r.registerInit({ deps: {}, init: async () => {} });
        },
      }),
      createBackendModule({
        pluginId: 'p',
        moduleId: 'provider',
        register(r) {
          r.registerExtensionPoint(fromModule, moduleImpl);
          r.registerInit({ deps: {}, init: async () => {} });
        },
      }),
      module('p', 'one', (d) => void got.push(d['a'], d['b']), { a: fromPlugin, b: fromModule }),
      module('p', 'two', (d) => void got.push(d['a']), { a: fromPlugin }),
    ]);
    expect(got.filter((x) => x === pluginImpl)).toHaveLength(2);
    expect(got.filter((x) => x === moduleImpl)).toHaveLength(1);
  });

  it('EXT-013, EXT-014: a duplicate names every registrant; copies of one duplicated plugin are not also an extension point duplicate', async () => {
    const ep = createExtensionPoint<object>({ id: 'x.dup' });
    const owner = (pluginId: string) =>
      createBackendPlugin({
        pluginId,
        register(r) {
          r.registerExtensionPoint(ep, {});
          r.registerInit({ deps: {}, init: async () => {} });
        },
      });
    const findings = await findingsOf([
      owner('a'),
      createBackendModule({
        pluginId: 'b',
        moduleId: 'm',
        register(r) {
          r.registerExtensionPoint(ep, {});
          r.registerInit({ deps: {}, init: async () => {} });
        },
      }),
      plugin('b'),
    ]);
    expect(findings).toMatchObject([
      { code: 'EXT_DUPLICATE_EXTENSION_POINT', extensionPointId: 'x.dup' },
    ]);
    expect(findings[0]!.message).toContain("plugin 'a'");
    expect(findings[0]!.message).toContain("module 'm' of plugin 'b'");
    expect((await findingsOf([owner('a'), owner('a')])).map((f) => f.code)).toEqual([
      'BACK_DUPLICATE_PLUGIN_ID',
    ]);
  });

  it('EXT-012: the same plugin registering one id twice is a duplicate too', async () => {
    const ep = createExtensionPoint<object>({ id: 'x.twice' });
    const findings = await findingsOf([
      createBackendPlugin({
        pluginId: 'p',
        register(r) {
          r.registerExtensionPoint(ep, {});
          r.registerExtensionPoint(ep, {});
          r.registerInit({ deps: {}, init: async () => {} });
        },
      }),
    ]);
    expect(findings).toMatchObject([
      { code: 'EXT_DUPLICATE_EXTENSION_POINT', extensionPointId: 'x.twice' },
    ]);
  });

  it('EXT-024, EXT-025 EXT_ILLEGAL_DEPENDENCY: service factories and feature loaders may not depend on extension points', async () => {
    const ep = createExtensionPoint<object>({ id: 'x.illegal' });
    const factory = createServiceFactory({
      service: rootRef('x.svc'),
      deps: { ep } as never,
      factory: () => 1,
    });
    const svcFindings = await findingsOf([factory, plugin('p', () => {}, { s: rootRef('x.svc') })]);
    expect(svcFindings).toMatchObject([
      {
        code: 'EXT_ILLEGAL_DEPENDENCY',
        serviceId: 'x.svc',
        dependencyKey: 'ep',
        extensionPointId: 'x.illegal',
      },
    ]);
    const loader = {
      $$type: '@backstage/BackendFeature',
      version: 'v1',
      featureType: 'loader',
      description: 'ep loader',
      deps: { ep: { $$type: '@backstage/ExtensionPoint', id: 'x.illegal', scope: 'root' } },
      loader: async () => [],
    };
    const loaderFindings = await findingsOf([loader]);
    expect(loaderFindings).toMatchObject([
      {
        code: 'EXT_ILLEGAL_DEPENDENCY',
        loader: 'ep loader',
        dependencyKey: 'ep',
        extensionPointId: 'x.illegal',
      },
    ]);
  });

  it('EXT-026, EXT-027: an unregistered extension point is a missing dependency; consuming one\u2019s own is a module cycle', async () => {
    const nowhere = createExtensionPoint<object>({ id: 'x.nowhere' });
    const own = createExtensionPoint<object>({ id: 'x.own' });
    const findings = await findingsOf([
      plugin('p'),
      module('p', 'lost', () => {}, { nowhere }),
      createBackendModule({
        pluginId: 'p',
        moduleId: 'selfish',
        register(r) {
          r.registerExtensionPoint(own, {});
          r.registerInit({ deps: { own }, init: async () => {} });
        },
      }),
    ]);
    expect(findings).toMatchObject([
      {
        code: 'INIT_MISSING_DEPENDENCY',
        pluginId: 'p',
        moduleId: 'lost',
        ref: 'extensionPoint{x.nowhere}',
        dependencyKey: 'nowhere',
      },
      { code: 'INIT_MODULE_CYCLE', pluginId: 'p', cycle: ['selfish', 'selfish'] },
    ]);
  });
});

describe('implementations (EXT-030 to EXT-037)', () => {
  it('EXT-030, EXT-031, EXT-032: the factory runs once per initialized consumer, never for an unconsumed extension point', async () => {
    const used = createExtensionPoint<object>({ id: 'x.used' });
    const unused = createExtensionPoint<object>({ id: 'x.unused' });
    const calls: string[] = [];
    await run([
      createBackendPlugin({
        pluginId: 'p',
        register(r) {
          r.registerExtensionPoint({
            extensionPoint: used,
            factory: () => (calls.push('used'), {}),
          });
          r.registerExtensionPoint({
            extensionPoint: unused,
            factory: () => (calls.push('unused'), {}),
          });
          r.registerInit({ deps: {}, init: async () => {} });
        },
      }),
      module('p', 'a', () => void calls.push('a init'), { used }),
      module('p', 'b', () => void calls.push('b init'), { used }),
    ]);
    expect(calls.filter((c) => c === 'used')).toHaveLength(2);
    expect(calls).not.toContain('unused');
    expect(calls.indexOf('used')).toBeLessThan(calls.findIndex((c) => c.endsWith('init')));
  });

  it('EXT-035, EXT-036, EXT-037: a throwing factory fails the consumer with ids and cause; its init is not called', async () => {
    const ep = createExtensionPoint<object>({ id: 'x.throws' });
    const cause = new Error('factory broke');
    let ran = false;
    const { result } = await run(
      [
        createBackendPlugin({
          pluginId: 'p',
          register(r) {
            r.registerExtensionPoint({
              extensionPoint: ep,
              factory: () => {
                throw cause;
              },
            });
            r.registerInit({ deps: {}, init: async () => {} });
          },
        }),
        module('p', 'm', () => void (ran = true), { ep }),
      ],
      { config: continueAll },
    );
    expect(ran).toBe(false);
    expect(result!.plugins[0]!.modules[0]!.failure!.error).toMatchObject({
      code: 'EXT_FACTORY_FAILED',
      pluginId: 'p',
      moduleId: 'm',
      extensionPointId: 'x.throws',
      cause,
    });
  });
});

describe('factory middleware (EXT-040 to EXT-050)', () => {
  it('EXT-043, EXT-044, EXT-045, EXT-046, EXT-049: applicable middleware only, in list order, once per consumer; unknown ids are fine', async () => {
    const ep = createExtensionPoint<{ trail: string[] }>({ id: 'x.mw' });
    const calls: string[] = [];
    const got: unknown[] = [];
    await run(
      [
        createBackendPlugin({
          pluginId: 'p',
          register(r) {
            r.registerExtensionPoint({ extensionPoint: ep, factory: () => ({ trail: ['impl'] }) });
            r.registerInit({ deps: {}, init: async () => {} });
          },
        }),
        module('p', 'a', (d) => void got.push(d['ep']), { ep }),
        module('p', 'b', (d) => void got.push(d['ep']), { ep }),
      ],
      {
        extensionPointFactoryMiddleware: [
          middleware(
            'x.mw',
            (impl) => (
              calls.push('first'),
              { trail: [...(impl as { trail: string[] }).trail, 'first'] }
            ),
          ),
          middleware('x.other', () => (calls.push('other'), {})),
          middleware('x.nobody', () => (calls.push('nobody'), {})),
          middleware(
            'x.mw',
            (impl) => (
              calls.push('second'),
              { trail: [...(impl as { trail: string[] }).trail, 'second'] }
            ),
          ),
        ] as never,
      },
    );
    expect(got).toEqual([
      { trail: ['impl', 'first', 'second'] },
      { trail: ['impl', 'first', 'second'] },
    ]);
    expect(calls.sort()).toEqual(['first', 'first', 'second', 'second']);
  });

  it('EXT-047, EXT-048, EXT-050: a failing middleware fails the consumer with its index and cause; init is not called', async () => {
    const ep = createExtensionPoint<object>({ id: 'x.mwfail' });
    const cause = new Error('mw broke');
    let ran = false;
    const { result } = await run(
      [
        createBackendPlugin({
          pluginId: 'p',
          register(r) {
            r.registerExtensionPoint(ep, {});
            r.registerInit({ deps: {}, init: async () => {} });
          },
        }),
        module('p', 'm', () => void (ran = true), { ep }),
      ],
      {
        config: continueAll,
        extensionPointFactoryMiddleware: [
          middleware('x.other', (i) => i),
          middleware('x.mwfail', () => Promise.reject(cause)),
        ] as never,
      },
    );
    expect(ran).toBe(false);
    expect(result!.plugins[0]!.modules[0]!.failure!.error).toMatchObject({
      code: 'EXT_MIDDLEWARE_FAILED',
      pluginId: 'p',
      moduleId: 'm',
      extensionPointId: 'x.mwfail',
      index: 1,
      cause,
    });
  });
});

describe('loaders may not consume extension points', () => {
  it('EXT-025: through the authoring API too', async () => {
    const ep = createExtensionPoint<object>({ id: 'x.ldr' });
    const loader = createBackendFeatureLoader({ deps: { ep } as never, loader: async () => [] });
    expect(await findingsOf([loader])).toMatchObject([
      { code: 'EXT_ILLEGAL_DEPENDENCY', loader: loaderDescription(loader) },
    ]);
  });
});

void rawPlugin;
