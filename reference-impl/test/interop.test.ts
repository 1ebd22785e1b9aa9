/**
 * Interop with the real Backstage packages from npm, both directions:
 * features authored with @backstage/backend-plugin-api on Openstage's runtime,
 * and features authored with Openstage on @backstage/backend-app-api.
 */
import * as bs from '@backstage/backend-plugin-api';
import { createSpecializedBackend as createBackstageBackend } from '@backstage/backend-app-api';
import { describe, expect, it } from 'vitest';
import * as os from '../src/index.js';
import type { BackendPreflightError } from '../src/runtime/preflight/BackendPreflightError.js';
import { lifecycleServiceFactory } from '../src/services/lifecycle/lifecycleServiceFactory.js';
import { rootLifecycleServiceFactory } from '../src/services/rootLifecycle/rootLifecycleServiceFactory.js';
import { ConsoleLogger } from '../src/services/rootLogger/ConsoleLogger.js';
import { createTestBackend, rejectionOf } from './helpers/testBackend.js';

type Api = typeof bs | typeof os;

/** The same scenario, authored with either API: ordering, extension points, multiton, loader. */
function scenario(api: Api, log: string[]) {
  // The two APIs' generics differ only nominally; the objects are the same wire format.
  const ep = api.createExtensionPoint<{ add(item: string): void }>({
    id: 'interop.items',
  }) as os.ExtensionPoint<{ add(item: string): void }>;
  const multi = api.createServiceRef<string>({
    id: 'interop.multi',
    multiton: true,
  }) as os.ServiceRef<string, 'plugin', 'multiton'>;
  const svc = api.createServiceRef<string>({ id: 'interop.svc' }) as os.ServiceRef<
    string,
    'plugin',
    'singleton'
  >;
  const a = api as typeof os;
  return [
    a.createServiceFactory({
      service: svc,
      deps: { meta: a.coreServices.pluginMetadata },
      factory: ({ meta }) => `svc:${meta.getId()}`,
    }),
    a.createServiceFactory({ service: multi, deps: {}, factory: () => 'one' }),
    a.createServiceFactory({ service: multi, deps: {}, factory: () => 'two' }),
    a.createBackendPlugin({
      pluginId: 'interop',
      register(reg) {
        const items: string[] = [];
        reg.registerExtensionPoint(ep, { add: (item: string) => void items.push(item) });
        reg.registerInit({
          deps: { svc, multi, lifecycle: a.coreServices.lifecycle },
          async init({ svc, multi, lifecycle }) {
            log.push(`plugin ${svc} [${multi.join(',')}] items=${items.join(',')}`);
            lifecycle.addStartupHook(() => void log.push('hook'));
          },
        });
      },
    }),
    a.createBackendFeatureLoader({
      *loader() {
        yield a.createBackendModule({
          pluginId: 'interop',
          moduleId: 'contributor',
          register(reg) {
            reg.registerInit({
              deps: { ep },
              async init({ ep }) {
                log.push('module');
                ep.add('x');
              },
            });
          },
        });
      },
    }),
  ];
}

const expected = ['module', 'plugin svc:interop [one,two] items=x', 'hook'];

describe('interop: @backstage/backend-plugin-api features on Openstage', () => {
  it('runs plugins, modules, extension points, multiton factories and loaders', async () => {
    const log: string[] = [];
    const backend = createTestBackend();
    for (const f of scenario(bs, log)) backend.add(f as os.BackendFeature);
    const { result } = await backend.start();
    expect(log).toEqual(expected);
    expect(result.outcome).toBe('success');
    await backend.stop();
  });

  it('reports Backstage-authored wiring errors with Openstage codes', async () => {
    const missing = bs.createServiceRef<string>({ id: 'interop.missing' });
    const backend = createTestBackend();
    backend.add(
      bs.createBackendPlugin({
        pluginId: 'p',
        register(reg) {
          reg.registerInit({ deps: { missing }, async init() {} });
        },
      }),
    );
    backend.add(
      bs.createBackendPlugin({
        pluginId: 'p',
        register(reg) {
          reg.registerInit({ deps: {}, async init() {} });
        },
      }),
    );
    backend.add(bs.createBackendPlugin({ pluginId: 'q', register() {} }));
    const error = (await rejectionOf(backend.start())) as BackendPreflightError;
    expect(error.findings.map((f) => f.code)).toEqual([
      'BACK_DUPLICATE_PLUGIN_ID',
      'FEAT_REGISTRATION_FAILED',
      'INIT_MISSING_DEPENDENCY',
    ]);
  });
});

describe('interop: Openstage features on @backstage/backend-app-api', () => {
  const logger = os.createServiceFactory({
    service: os.coreServices.rootLogger,
    deps: {},
    factory: () => new ConsoleLogger({ level: 'none' }),
  });
  const defaults = [
    logger,
    rootLifecycleServiceFactory,
    lifecycleServiceFactory,
  ] as unknown as bs.ServiceFactory[];

  it('runs plugins, modules, extension points, multiton factories and loaders', async () => {
    const log: string[] = [];
    const backend = createBackstageBackend({ defaultServiceFactories: defaults });
    for (const f of scenario(os, log)) backend.add(f as bs.BackendFeature);
    const { result } = await backend.start();
    expect(log).toEqual(expected);
    expect(result.outcome).toBe('success');
    await backend.stop();
  });

  it('surfaces Openstage registration errors and init failures through Backstage', async () => {
    const backend = createBackstageBackend({ defaultServiceFactories: defaults });
    backend.add(
      os.createBackendPlugin({
        pluginId: 'boom',
        register(reg) {
          reg.registerInit({
            deps: {},
            async init() {
              throw new Error('kaput');
            },
          });
        },
      }) as bs.BackendFeature,
    );
    const error = (await rejectionOf(backend.start())) as {
      name: string;
      result: { plugins: Array<{ pluginId: string; failure?: unknown }> };
    };
    expect(error.name).toBe('BackendStartupError');
    expect(error.result.plugins[0]!.pluginId).toBe('boom');
    await backend.stop();

    const other = createBackstageBackend({ defaultServiceFactories: defaults });
    other.add(os.createBackendPlugin({ pluginId: 'noinit', register() {} }) as bs.BackendFeature);
    const registration = await rejectionOf(other.start());
    expect(registration).toMatchObject({ code: 'FEAT_INIT_NOT_REGISTERED' });
  });

  it('produces the same wire format as @backstage/backend-plugin-api', () => {
    const strip = (v: unknown) =>
      JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'function' ? 'fn' : x)));
    expect(strip(os.createServiceRef({ id: 'x', scope: 'root' }))).toEqual(
      strip(bs.createServiceRef({ id: 'x', scope: 'root' })),
    );
    expect(strip(os.createExtensionPoint({ id: 'e' }))).toEqual(
      strip(bs.createExtensionPoint({ id: 'e' })),
    );
    const reg = (api: Api) =>
      strip(
        (
          api.createBackendModule({
            pluginId: 'p',
            moduleId: 'm',
            register(r) {
              r.registerInit({ deps: {}, async init() {} });
            },
          }) as unknown as {
            getRegistrations(): unknown;
          }
        ).getRegistrations(),
      );
    expect(reg(os)).toEqual(reg(bs));
    for (const key of Object.keys(bs.coreServices)) {
      const ours = os.coreServices[key as keyof typeof os.coreServices];
      const theirs = bs.coreServices[key as keyof typeof bs.coreServices];
      expect([ours.id, ours.scope]).toEqual([theirs.id, theirs.scope]);
    }
  });
});
