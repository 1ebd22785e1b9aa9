import { describe, expect, it } from 'vitest';
import { createBackendPlugin, createServiceFactory, createServiceRef } from '../../src/index.js';
import { DefaultRootHealthService } from '../../src/services/rootHealth/DefaultRootHealthService.js';
import { createTestBackend, rejectionOf } from '../helpers/testBackend.js';

const STATES = ['starting', 'ready', 'failed', 'failed-allowed', 'stopping'];

const broken = createServiceRef<{ ok: true }>({ id: 'test.health.broken' });
const brokenFactory = createServiceFactory({
  service: broken,
  deps: {},
  factory: () => {
    throw new Error('service factory boom');
  },
});

/**
 * The ways a plugin fails per HLTH-023 that the runtime records for a plugin: a needed service
 * and init. (A `register` that throws is a wiring error found before any plugin starts, so no
 * plugin state exists to report.)
 */
const failures = {
  service: () =>
    createBackendPlugin({
      pluginId: 'bad-service',
      register: (env) => env.registerInit({ deps: { broken }, init: async () => undefined }),
    }),
  init: () =>
    createBackendPlugin({
      pluginId: 'bad-init',
      register: (env) =>
        env.registerInit({
          deps: {},
          init: async () => {
            throw new Error('init boom');
          },
        }),
    }),
};

/** A readiness view over the runtime's plugin states, with lifecycle phases the test drives. */
function healthOf(backend: { getPluginStates(): Array<{ pluginId: string; state: string }> }) {
  const startup: Array<() => void | Promise<void>> = [];
  const beforeShutdown: Array<() => void | Promise<void>> = [];
  const service = new DefaultRootHealthService({
    lifecycle: {
      addStartupHook: (hook) => void startup.push(hook),
      addBeforeShutdownHook: (hook) => void beforeShutdown.push(hook),
    },
    pluginStates: backend as never,
  });
  return {
    service,
    start: async () => Promise.all(startup.map((h) => h())),
    beginShutdown: async () => Promise.all(beforeShutdown.map((h) => h())),
  };
}

describe('rootHealth plugin states', () => {
  for (const [kind, make] of Object.entries(failures)) {
    it(`HLTH-023: a plugin whose ${kind} failed is failed when the policy does not allow it`, async () => {
      const backend = createTestBackend({ config: {} });
      backend.add(brokenFactory);
      backend.add(make());
      await rejectionOf(backend.start());
      const [state] = backend.getPluginStates();
      expect(state).toMatchObject({ state: 'failed' });
      const health = healthOf(backend);
      await health.start();
      const readiness = await health.service.getReadiness();
      expect(readiness.payload).toMatchObject({
        plugins: { [state!.pluginId]: { state: 'failed' } },
      });
      await backend.stop();

      // Allowed by the boot-failure policy, the same failure is failed-allowed instead.
      const allowed = createTestBackend({
        config: { backend: { startup: { default: { onPluginBootFailure: 'continue' } } } },
      });
      allowed.add(brokenFactory);
      allowed.add(make());
      await allowed.start();
      expect(allowed.getPluginStates()).toEqual([
        expect.objectContaining({ pluginId: state!.pluginId, state: 'failed-allowed' }),
      ]);
      await allowed.stop();
    });
  }

  it('HLTH-019: every plugins entry is an object whose state is one of the five states, in every phase', async () => {
    let release!: () => void;
    const backend = createTestBackend({
      config: { backend: { startup: { plugins: { b: { onPluginBootFailure: 'continue' } } } } },
    });
    backend.add(
      createBackendPlugin({
        pluginId: 'a',
        register: (env) =>
          env.registerInit({
            deps: {},
            init: () => new Promise<void>((resolve) => (release = resolve)),
          }),
      }),
    );
    backend.add(
      createBackendPlugin({
        pluginId: 'b',
        register: (env) =>
          env.registerInit({
            deps: {},
            init: async () => {
              throw new Error('b fails');
            },
          }),
      }),
    );
    const health = healthOf(backend);
    const seen = new Set<string>();
    const check = async () => {
      const { payload } = await health.service.getReadiness();
      const plugins = (payload as { plugins: Record<string, unknown> }).plugins;
      for (const entry of Object.values(plugins)) {
        expect(typeof entry).toBe('object');
        const { state } = entry as { state: unknown };
        expect(STATES).toContain(state);
        seen.add(state as string);
      }
    };
    const started = backend.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await check();
    release();
    await started;
    await health.start();
    await check();
    await health.beginShutdown();
    await check();
    await backend.stop();
    expect([...seen].sort()).toEqual(['failed-allowed', 'ready', 'starting', 'stopping']);
  });
});
