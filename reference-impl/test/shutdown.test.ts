import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  createServiceRef,
  type BackendFeature,
} from '../src/index.js';
import { BackendInstanceRegistry } from '../src/runtime/BackendInstanceRegistry.js';
import type { BackendPreflightError } from '../src/runtime/preflight/BackendPreflightError.js';
import { createTestBackend, findingsOf, rejectionOf } from './helpers/testBackend.js';
import { configFromData } from './helpers/configFromData.js';

type Hook = () => void | Promise<void>;

/** A plugin that registers the given hooks through its lifecycle services. */
function hooked(
  pluginId: string,
  hooks: {
    startup?: Hook[];
    shutdown?: Hook[];
    rootShutdown?: Hook[];
    beforeShutdown?: Hook[];
    rootStartup?: Hook[];
  },
  init: () => void | Promise<void> = () => {},
): BackendFeature {
  return createBackendPlugin({
    pluginId,
    register(reg) {
      reg.registerInit({
        deps: { lifecycle: coreServices.lifecycle, root: coreServices.rootLifecycle },
        async init({ lifecycle, root }) {
          for (const h of hooks.startup ?? []) lifecycle.addStartupHook(h);
          for (const h of hooks.shutdown ?? []) lifecycle.addShutdownHook(h);
          for (const h of hooks.rootStartup ?? []) root.addStartupHook(h);
          for (const h of hooks.rootShutdown ?? []) root.addShutdownHook(h);
          for (const h of hooks.beforeShutdown ?? []) root.addBeforeShutdownHook(h);
          await init();
        },
      });
    },
  });
}

const never = (): Promise<void> => new Promise(() => {});

describe('running the phases (STOP-001 to STOP-010)', () => {
  it('STOP-001, STOP-004, LIFE-031: after a disallowed failure stop() runs the shutdown hooks of every plugin, failed ones included', async () => {
    const ran: string[] = [];
    const backend = createTestBackend();
    backend.add(hooked('good', { shutdown: [() => void ran.push('good')] }));
    backend.add(
      hooked('bad', { shutdown: [() => void ran.push('bad')] }, () => {
        throw new Error('boom');
      }),
    );
    await rejectionOf(backend.start());
    const result = await backend.stop();
    expect(ran.sort()).toEqual(['bad', 'good']);
    expect(
      result.phases
        .find((p) => p.phase === 'pluginShutdown')!
        .hooks.map((h) => h.pluginId)
        .sort(),
    ).toEqual(['bad', 'good']);
  });

  it('STOP-002: after start() rejected with root services instantiated, their root shutdown hooks run', async () => {
    const ran: string[] = [];
    const eager = createServiceFactory({
      service: createServiceRef<string>({ id: 's.eager', scope: 'root' }),
      deps: { root: coreServices.rootLifecycle },
      factory: ({ root }) => {
        root.addShutdownHook(() => void ran.push('root shutdown'));
        return 'ok';
      },
    });
    const failing = createServiceFactory({
      service: createServiceRef<string>({ id: 's.failing', scope: 'root' }),
      deps: {},
      factory: () => {
        throw new Error('no');
      },
    });
    const backend = createTestBackend({ defaultServiceFactories: [eager, failing] });
    expect(await rejectionOf(backend.start())).toMatchObject({
      code: 'INIT_ROOT_SERVICE_FAILED',
      serviceId: 's.failing',
    });
    const result = await backend.stop();
    expect(ran).toEqual(['root shutdown']);
    expect(result.phases.map((p) => p.phase)).toEqual(['beforeShutdown', 'rootShutdown']);
  });

  it('STOP-003: root services that validate() created get their root phases on stop()', async () => {
    const ran: string[] = [];
    const config = createServiceFactory({
      service: coreServices.rootConfig,
      deps: { root: coreServices.rootLifecycle },
      factory: ({ root }) => {
        root.addShutdownHook(() => void ran.push('config closed'));
        return configFromData({});
      },
    });
    const backend = createTestBackend({ defaultServiceFactories: [config] });
    await backend.validate();
    const result = await backend.stop();
    expect(ran).toEqual(['config closed']);
    expect(result.phases.map((p) => p.phase)).toEqual(['beforeShutdown', 'rootShutdown']);
  });

  it('STOP-005, STOP-007: stop() never exits the process and takes the backend out of signal handling', async () => {
    const exits: number[] = [];
    const registry = new BackendInstanceRegistry({
      target: { addListener: () => undefined, removeListener: () => undefined },
      exit: (code) => exits.push(code),
    });
    const backend = createTestBackend({ instanceRegistry: registry });
    backend.add(hooked('p', {}));
    await backend.start();
    expect(registry.size).toBe(1);
    await backend.stop();
    expect(registry.size).toBe(0);
    expect(exits).toEqual([]);
  });

  describe('process listeners outside NODE_ENV=test', () => {
    const saved = process.env['NODE_ENV'];
    afterEach(() => {
      process.env['NODE_ENV'] = saved;
    });

    it('INIT-003, STOP-006: unhandledRejection and uncaughtException listeners are installed by start() and removed by stop()', async () => {
      process.env['NODE_ENV'] = 'production';
      const before = [
        process.listenerCount('unhandledRejection'),
        process.listenerCount('uncaughtException'),
      ];
      let duringEagerService: number[] = [];
      const eager = createServiceFactory({
        service: createServiceRef<string>({ id: 's.counting', scope: 'root' }),
        deps: {},
        factory: () => {
          duringEagerService = [
            process.listenerCount('unhandledRejection'),
            process.listenerCount('uncaughtException'),
          ];
          return 'x';
        },
      });
      const backend = createTestBackend({ defaultServiceFactories: [eager] });
      backend.add(hooked('p', {}));
      await backend.start();
      expect(duringEagerService).toEqual([before[0]! + 1, before[1]! + 1]);
      expect([
        process.listenerCount('unhandledRejection'),
        process.listenerCount('uncaughtException'),
      ]).toEqual([before[0]! + 1, before[1]! + 1]);
      await backend.stop();
      expect([
        process.listenerCount('unhandledRejection'),
        process.listenerCount('uncaughtException'),
      ]).toEqual(before);
    });

    it('INIT-004: under NODE_ENV=test no such listeners are installed', async () => {
      process.env['NODE_ENV'] = 'test';
      const before = process.listenerCount('unhandledRejection');
      const backend = createTestBackend();
      backend.add(hooked('p', {}));
      await backend.start();
      expect(process.listenerCount('unhandledRejection')).toBe(before);
      await backend.stop();
    });
  });

  it('STOP-008, LIFE-035 CONF_INVALID_DURATION: a bad shutdownPhaseTimeout is a preflight finding', async () => {
    const config = { backend: { lifecycle: { shutdownPhaseTimeout: 'soon' } } };
    expect(await findingsOf([hooked('p', {})], { config })).toMatchObject([
      { code: 'CONF_INVALID_DURATION', configPath: 'backend.lifecycle.shutdownPhaseTimeout' },
    ]);
    const backend = createTestBackend({ config });
    backend.add(hooked('p', {}));
    const error = (await rejectionOf(backend.start())) as BackendPreflightError;
    expect(error).toMatchObject({ code: 'INIT_PREFLIGHT_FAILED' });
    expect(error.findings.map((f) => f.code)).toEqual(['CONF_INVALID_DURATION']);
  });

  it('STOP-009, STOP-025, LIFE-039: a hook that rejects after the deadline stays a timeout and causes no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let reject: (error: Error) => void = () => {};
    const backend = createTestBackend({ shutdownPhaseTimeoutMs: 20 });
    backend.add(
      hooked('slow', {
        shutdown: [
          function lateHook() {
            return new Promise<void>((_, r) => (reject = r));
          },
        ],
      }),
    );
    await backend.start();
    const result = await backend.stop();
    const hook = result.phases.find((p) => p.phase === 'pluginShutdown')!.hooks[0]!;
    expect(hook).toMatchObject({ pluginId: 'slow', name: 'lateHook', outcome: 'timeout' });
    reject(new Error('too late'));
    await new Promise((r) => setTimeout(r, 10));
    expect(hook.outcome).toBe('timeout');
    expect(unhandled).toEqual([]);
    process.off('unhandledRejection', onUnhandled);
  });

  it('STOP-010, STOP-060: after stop() no timer of the runtime is left behind', async () => {
    const timers = (): number =>
      process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const backend = createTestBackend({ pendingReportIntervalMs: 5_000 });
    backend.add(hooked('p', { shutdown: [() => {}] }));
    await backend.start();
    await backend.stop();
    expect(timers()).toBeLessThanOrEqual(before);
  });
});

describe('the shutdown result (STOP-020 to STOP-028)', () => {
  it('STOP-020, STOP-021, STOP-022, STOP-023, LIFE-017: phases in order, one entry per hook with outcome, name, durationMs and error', async () => {
    const order: string[] = [];
    const backend = createTestBackend();
    backend.add(
      hooked('p', {
        beforeShutdown: [
          function drain() {
            order.push('before');
          },
        ],
        shutdown: [
          function closePool() {
            order.push('plugin');
          },
          () => {
            order.push('plugin-fail');
            throw new Error('hook broke');
          },
        ],
        rootShutdown: [
          async function stopServer() {
            order.push('root');
          },
        ],
      }),
    );
    await backend.start();
    const result = await backend.stop();
    expect(order).toEqual(['before', 'plugin', 'plugin-fail', 'root']);
    expect(result.beginAt).toBeInstanceOf(Date);
    expect(result.endAt.getTime()).toBeGreaterThanOrEqual(result.beginAt.getTime());
    expect(result.phases.map((p) => p.phase)).toEqual([
      'beforeShutdown',
      'pluginShutdown',
      'rootShutdown',
    ]);
    const [before, plugin, root] = result.phases;
    expect(before!.hooks).toMatchObject([{ name: 'drain', outcome: 'success' }]);
    expect(before!.hooks[0]).not.toHaveProperty('pluginId');
    expect(plugin!.hooks).toMatchObject([
      { pluginId: 'p', name: 'closePool', outcome: 'success' },
      { pluginId: 'p', outcome: 'failure' },
    ]);
    expect(plugin!.hooks[1]).not.toHaveProperty('name');
    expect(plugin!.hooks[1]!.error).toMatchObject({ code: 'LIFE_HOOK_FAILED', pluginId: 'p' });
    expect((plugin!.hooks[1]!.error as Error).cause).toMatchObject({ message: 'hook broke' });
    for (const h of plugin!.hooks) expect(h.durationMs).toBeGreaterThanOrEqual(0);
    expect(root!.hooks).toMatchObject([{ name: 'stopServer', outcome: 'success' }]);
    for (const phase of result.phases)
      expect(phase.endAt.getTime()).toBeGreaterThanOrEqual(phase.beginAt.getTime());
  });

  it('STOP-024, LIFE-036, LIFE-037, LIFE-038, LIFE-041: a phase past its deadline reports pending hooks as timed out, logs once and moves on', async () => {
    const ran: string[] = [];
    const backend = createTestBackend({ shutdownPhaseTimeoutMs: 30 });
    backend.add(
      hooked('a', {
        shutdown: [
          function stuck() {
            return never();
          },
        ],
      }),
    );
    backend.add(
      hooked('b', {
        shutdown: [
          function alsoStuck() {
            return never();
          },
        ],
        rootShutdown: [() => void ran.push('root ran')],
      }),
    );
    await backend.start();
    const started = Date.now();
    const result = await backend.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(ran).toEqual(['root ran']);
    const plugin = result.phases.find((p) => p.phase === 'pluginShutdown')!;
    expect(plugin.hooks).toMatchObject([
      { pluginId: 'a', name: 'stuck', outcome: 'timeout' },
      { pluginId: 'b', name: 'alsoStuck', outcome: 'timeout' },
    ]);
    for (const hook of plugin.hooks) {
      expect(hook).not.toHaveProperty('durationMs');
      expect(hook.error).toMatchObject({
        code: 'LIFE_SHUTDOWN_PHASE_TIMEOUT',
        pluginId: hook.pluginId,
      });
    }
    const logs = backend.logs.filter((l) => l.meta['code'] === 'LIFE_SHUTDOWN_PHASE_TIMEOUT');
    expect(logs).toHaveLength(1);
    expect(logs[0]!.level).toBe('error');
    expect(logs[0]!.message).toContain('pluginShutdown');
    expect(logs[0]!.message).toContain("a 'stuck'");
    expect(logs[0]!.message).toContain("b 'alsoStuck'");
  });

  it('LIFE-035: shutdownPhaseTimeout is read from config as a duration', async () => {
    const backend = createTestBackend({
      config: { backend: { lifecycle: { shutdownPhaseTimeout: '25ms' } } },
    });
    backend.add(hooked('a', { beforeShutdown: [never] }));
    await backend.start();
    const result = await backend.stop();
    expect(result.phases[0]!.hooks).toMatchObject([{ outcome: 'timeout' }]);
  });

  it('LIFE-040: start() warns when serverShutdownDelay does not fit into shutdownPhaseTimeout', async () => {
    const backend = createTestBackend({
      config: {
        backend: { lifecycle: { serverShutdownDelay: '40s', shutdownPhaseTimeout: '30s' } },
      },
    });
    backend.add(hooked('p', {}));
    await backend.start();
    expect(
      backend.logs.some((l) => l.level === 'warn' && l.message.includes('serverShutdownDelay')),
    ).toBe(true);
    await backend.stop();
    const fine = createTestBackend({
      config: { backend: { lifecycle: { serverShutdownDelay: '5s' } } },
    });
    fine.add(hooked('p', {}));
    await fine.start();
    expect(fine.logs.some((l) => l.message.includes('serverShutdownDelay'))).toBe(false);
    await fine.stop();
  });

  it('STOP-026, BACK-056, BACK-057: every stop() call resolves to the same result; hooks run once', async () => {
    let runs = 0;
    const backend = createTestBackend();
    backend.add(hooked('p', { shutdown: [() => void runs++] }));
    await backend.start();
    const [a, b] = await Promise.all([backend.stop(), backend.stop()]);
    expect(a).toBe(b);
    expect(await backend.stop()).toBe(a);
    expect(runs).toBe(1);
  });

  it('STOP-027, BACK-055: a backend that never started or validated stops with no phases and no factory call', async () => {
    let called = false;
    const factory = createServiceFactory({
      service: createServiceRef<string>({ id: 's.x', scope: 'root' }),
      deps: {},
      factory: () => {
        called = true;
        return 'x';
      },
    });
    const backend = createTestBackend({ defaultServiceFactories: [factory] });
    backend.add(hooked('p', {}));
    const result = await backend.stop();
    expect(result.phases).toEqual([]);
    expect(called).toBe(false);
  });

  it('STOP-028: one info entry sums up the phases', async () => {
    const backend = createTestBackend();
    backend.add(
      hooked('p', {
        shutdown: [
          () => {
            throw new Error('x');
          },
        ],
      }),
    );
    await backend.start();
    await backend.stop();
    const summary = backend.logs.find(
      (l) => l.level === 'info' && l.message.startsWith('Backend stopped'),
    );
    expect(summary?.message).toMatch(
      /beforeShutdown \d+ms, 0 failed or timed out; pluginShutdown \d+ms, 1 failed or timed out; rootShutdown/,
    );
  });
});

describe('lifecycle phases (LIFE)', () => {
  it('LIFE-021, LIFE-022, LIFE-024: plugin startup hooks run when that plugin is done, without waiting for others; root startup hooks run last', async () => {
    const events: string[] = [];
    let releaseSlow: () => void = () => {};
    const backend = createTestBackend();
    backend.add(
      hooked(
        'fast',
        {
          startup: [() => void events.push('fast hooks')],
          rootStartup: [() => void events.push('root hooks')],
        },
        () => void events.push('fast init'),
      ),
    );
    backend.add(
      hooked('slow', { startup: [() => void events.push('slow hooks')] }, async () => {
        await new Promise<void>((r) => (releaseSlow = r));
        events.push('slow init');
      }),
    );
    const started = backend.start();
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(['fast init', 'fast hooks']);
    releaseSlow();
    await started;
    expect(events).toEqual(['fast init', 'fast hooks', 'slow init', 'slow hooks', 'root hooks']);
    await backend.stop();
  });

  it('LIFE-023, INIT-144: startup hooks never run for a plugin whose init failed, even when allowed', async () => {
    const events: string[] = [];
    const backend = createTestBackend({
      config: { backend: { startup: { default: { onPluginBootFailure: 'continue' } } } },
    });
    backend.add(
      hooked('broken', { startup: [() => void events.push('hook')] }, () => {
        throw new Error('x');
      }),
    );
    const { result } = await backend.start();
    expect(events).toEqual([]);
    expect(
      result.timeline!.entries.find(
        (e) => e.kind === 'pluginStartupHooks' && e.pluginId === 'broken',
      )?.outcome,
    ).toBe('skipped');
    await backend.stop();
  });

  it('LIFE-019, LIFE-024, LIFE-025: root startup hooks run once on success; a failing one changes nothing', async () => {
    let runs = 0;
    const backend = createTestBackend();
    backend.add(
      hooked('p', {
        rootStartup: [
          () => void runs++,
          () => {
            throw new Error('root hook');
          },
        ],
      }),
    );
    const { result } = await backend.start();
    expect(runs).toBe(1);
    expect(result.outcome).toBe('success');
    expect(
      backend.logs.some((l) => l.level === 'error' && l.meta['code'] === 'LIFE_HOOK_FAILED'),
    ).toBe(true);
    await backend.stop();
    expect(runs).toBe(1);
  });

  it('LIFE-027, LIFE-032, LIFE-033: before-shutdown first; root shutdown only after every plugin hook ended', async () => {
    const events: string[] = [];
    let release: () => void = () => {};
    const backend = createTestBackend();
    backend.add(
      hooked('p', {
        beforeShutdown: [() => void events.push('before')],
        shutdown: [
          async () => {
            events.push('plugin begins');
            await new Promise<void>((r) => (release = r));
            events.push('plugin ends');
          },
        ],
        rootShutdown: [() => void events.push('root')],
      }),
    );
    await backend.start();
    const stopping = backend.stop();
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(['before', 'plugin begins']);
    release();
    await stopping;
    expect(events).toEqual(['before', 'plugin begins', 'plugin ends', 'root']);
  });

  it('LIFE-007 LIFE_UNEXPECTED_IMPLEMENTATION: a replacement lifecycle without startup() fails the plugin, naming service and plugin', async () => {
    const lifecycle = createServiceFactory({
      service: coreServices.lifecycle,
      deps: {},
      factory: () => ({ addStartupHook() {}, addShutdownHook() {}, shutdown: async () => {} }),
    });
    const backend = createTestBackend();
    backend.add(lifecycle);
    backend.add(hooked('p', {}));
    const error = (await rejectionOf(backend.start())) as {
      result: { plugins: Array<{ failure?: { error: unknown } }> };
    };
    expect(error.result.plugins[0]!.failure!.error).toMatchObject({
      code: 'LIFE_UNEXPECTED_IMPLEMENTATION',
      serviceId: 'core.lifecycle',
      pluginId: 'p',
    });
    await backend.stop();
  });
});

describe('signals (STOP-040 to STOP-048)', () => {
  function signalRegistry(): {
    registry: BackendInstanceRegistry;
    listeners: Map<string, () => void>;
    exits: number[];
    errors: unknown[];
  } {
    const listeners = new Map<string, () => void>();
    const exits: number[] = [];
    const errors: unknown[] = [];
    const registry = new BackendInstanceRegistry({
      target: {
        addListener: (e, l) => listeners.set(e, l),
        removeListener: (e) => listeners.delete(e),
      },
      exit: (code) => exits.push(code),
      report: (error) => errors.push(error),
    });
    return { registry, listeners, exits, errors };
  }

  it('STOP-040, STOP-045, STOP-048: listeners appear on the first start(), never stop an unstarted backend, and go away after the last stop()', async () => {
    const { registry, listeners } = signalRegistry();
    const idle = createTestBackend({ instanceRegistry: registry });
    expect(listeners.size).toBe(0);
    const running = createTestBackend({ instanceRegistry: registry });
    running.add(hooked('p', {}));
    await running.start();
    expect([...listeners.keys()].sort()).toEqual(['SIGINT', 'SIGTERM', 'beforeExit']);
    expect(registry.size).toBe(1);
    await running.stop();
    expect(listeners.size).toBe(0);
    await idle.stop();
  });

  it('STOP-041, STOP-042, STOP-043, STOP-046: a signal or beforeExit stops every started backend once and exits with 0', async () => {
    for (const event of ['SIGTERM', 'beforeExit']) {
      const { registry, listeners, exits } = signalRegistry();
      let stops = 0;
      for (const id of ['a', 'b']) {
        const backend = createTestBackend({ instanceRegistry: registry });
        backend.add(hooked(id, { shutdown: [() => void stops++] }));
        await backend.start();
      }
      const handler = listeners.get(event)!;
      handler();
      handler();
      await new Promise((r) => setTimeout(r, 20));
      expect(stops).toBe(2);
      expect(exits).toEqual([0]);
    }
  });

  it('STOP-044: a stop() that rejects makes the signal handler report it and exit with 1', async () => {
    const { registry, listeners, exits, errors } = signalRegistry();
    const failure = new Error('stop failed');
    registry.register({ stop: () => Promise.reject(failure) });
    listeners.get('SIGINT')!();
    await new Promise((r) => setTimeout(r, 10));
    expect(errors).toEqual([failure]);
    expect(exits).toEqual([1]);
  });
});

describe('nothing left running (STOP-060 to STOP-063)', () => {
  /** Runs the fixture in a fresh Node process; resolves with its exit code and output. */
  function runChild(
    mode: 'ok' | 'fail',
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const tsx = createRequire(import.meta.url).resolve('tsx');
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', tsx, new URL('./fixtures/exitsOnItsOwn.ts', import.meta.url).pathname, mode],
        {
          env: { ...process.env, NODE_ENV: 'production' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // Without an exit of its own the child would hang; kill it after a generous bound.
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  it('STOP-062, STOP-063: a process that starts (or fails to start) a backend and awaits stop() exits on its own', async () => {
    const [ok, failed] = await Promise.all([runChild('ok'), runChild('fail')]);
    expect(ok).toMatchObject({ code: 0, stdout: 'stopped\n' });
    expect(failed).toMatchObject({ code: 0, stdout: 'stopped\n' });
  });
});
