import { describe, expect, it } from 'vitest';
import { DefaultLifecycleService } from '../../src/services/lifecycle/DefaultLifecycleService.js';
import { DefaultRootLifecycleService } from '../../src/services/rootLifecycle/DefaultRootLifecycleService.js';
import { MockLogger } from '../../src/testing/MockLogger.js';
import { thrownBy } from '../helpers/testBackend.js';

const root = () => new DefaultRootLifecycleService(new MockLogger());
const plugin = (pluginId = 'life-plugin') =>
  new DefaultLifecycleService(new MockLogger(), pluginId);

/** A hook that records its name when it runs, after a tick so that awaiting matters. */
const recorder = (log: string[], name: string) => async () => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  log.push(name);
};

describe('lifecycle service surface (LIFE-004 to LIFE-006)', () => {
  it('LIFE-004 LIFE-006: rootLifecycle hooks of each phase have run when startup(), beforeShutdown() and shutdown() settle', async () => {
    const service = root();
    const log: string[] = [];
    service.addStartupHook(recorder(log, 'start'), { logger: new MockLogger() });
    service.addBeforeShutdownHook(recorder(log, 'before'));
    service.addShutdownHook(recorder(log, 'stop'), { logger: new MockLogger() });
    await service.startup();
    expect(log).toEqual(['start']);
    await service.beforeShutdown();
    expect(log).toEqual(['start', 'before']);
    await service.shutdown();
    expect(log).toEqual(['start', 'before', 'stop']);
  });

  it('LIFE-005: lifecycle hooks of each phase have run when startup() and shutdown() settle', async () => {
    const service = plugin();
    const log: string[] = [];
    service.addStartupHook(recorder(log, 'start'));
    service.addShutdownHook(recorder(log, 'stop'));
    const started = service.startup();
    expect(started).toBeInstanceOf(Promise);
    await started;
    expect(log).toEqual(['start']);
    await service.shutdown();
    expect(log).toEqual(['start', 'stop']);
  });
});

describe('hook registration rules (LIFE-008, LIFE-011, LIFE-013, LIFE-044)', () => {
  it('LIFE-008: a hook that is not a function is refused and nothing is registered', async () => {
    const service = root();
    const methods = ['addStartupHook', 'addShutdownHook', 'addBeforeShutdownHook'] as const;
    for (const method of methods) {
      for (const bad of [undefined, null, 'hook', { run() {} }]) {
        const error = thrownBy(() => (service[method] as (hook: unknown) => void)(bad));
        expect(error).toMatchObject({ code: 'LIFE_INVALID_HOOK' });
      }
    }
    // Had anything been registered, running the phases would call a non-function and fail.
    await expect(service.startup()).resolves.toBeUndefined();
    await expect(service.beforeShutdown()).resolves.toBeUndefined();
    await expect(service.shutdown()).resolves.toBeUndefined();

    const pluginService = plugin('bad-hooks');
    expect(thrownBy(() => pluginService.addStartupHook(42 as never))).toMatchObject({
      code: 'LIFE_INVALID_HOOK',
      pluginId: 'bad-hooks',
    });
  });

  it('LIFE-011: addBeforeShutdownHook fails once beforeShutdown() has been called', async () => {
    const service = root();
    service.addBeforeShutdownHook(() => undefined);
    const pending = service.beforeShutdown();
    // Refused as soon as the call is made, not only after the phase has finished.
    expect(() => service.addBeforeShutdownHook(() => undefined)).toThrow();
    await pending;
    expect(thrownBy(() => service.addBeforeShutdownHook(() => undefined))).toMatchObject({
      code: 'LIFE_BEFORE_SHUTDOWN_HOOK_AFTER_SHUTDOWN',
    });
  });

  it('LIFE-013: each phase runs its hooks at most once, later calls resolve without rerunning', async () => {
    const service = root();
    const log: string[] = [];
    service.addStartupHook(recorder(log, 'start'));
    service.addBeforeShutdownHook(recorder(log, 'before'));
    service.addShutdownHook(recorder(log, 'stop'));
    await Promise.all([service.startup(), service.startup()]);
    await service.startup();
    await service.beforeShutdown();
    await service.beforeShutdown();
    await Promise.all([service.shutdown(), service.shutdown()]);
    expect(log).toEqual(['start', 'before', 'stop']);

    const pluginService = plugin();
    const pluginLog: string[] = [];
    pluginService.addStartupHook(recorder(pluginLog, 'start'));
    pluginService.addShutdownHook(recorder(pluginLog, 'stop'));
    await pluginService.startup();
    await pluginService.startup();
    await pluginService.shutdown();
    await pluginService.shutdown();
    expect(pluginLog).toEqual(['start', 'stop']);
  });

  it('LIFE-044: the late-hook errors of a plugin lifecycle carry the plugin id', async () => {
    const service = plugin('late-hooks');
    await service.startup();
    expect(thrownBy(() => service.addStartupHook(() => undefined))).toMatchObject({
      code: 'LIFE_STARTUP_HOOK_AFTER_STARTUP',
      pluginId: 'late-hooks',
    });
    await service.shutdown();
    expect(thrownBy(() => service.addShutdownHook(() => undefined))).toMatchObject({
      code: 'LIFE_SHUTDOWN_HOOK_AFTER_SHUTDOWN',
      pluginId: 'late-hooks',
    });
  });
});
