import { describe, expect, it } from 'vitest';
import { DefaultRootHealthService } from './DefaultRootHealthService.js';
import type { PluginStateEntry } from './PluginStateSource.js';

function setup(states: PluginStateEntry[] = []) {
  const startup: Array<() => void | Promise<void>> = [];
  const beforeShutdown: Array<() => void | Promise<void>> = [];
  const source = { states, getPluginStates: () => source.states };
  const service = new DefaultRootHealthService({
    lifecycle: {
      addStartupHook: (hook) => void startup.push(hook),
      addBeforeShutdownHook: (hook) => void beforeShutdown.push(hook),
    },
    pluginStates: source,
  });
  return {
    service,
    source,
    start: async () => {
      for (const hook of startup) await hook();
    },
    beginShutdown: async () => {
      for (const hook of beforeShutdown) await hook();
    },
  };
}

describe('DefaultRootHealthService', () => {
  it('HLTH-002, HLTH-009, HLTH-010: liveness is 200 ok in every phase', async () => {
    const { service, start, beginShutdown } = setup([{ pluginId: 'a', state: 'failed-allowed' }]);
    for (const step of [async () => {}, start, beginShutdown]) {
      await step();
      await expect(service.getLiveness()).resolves.toEqual({
        status: 200,
        payload: { status: 'ok' },
      });
    }
  });

  it('HLTH-011, HLTH-018: before the root startup hooks readiness is 503 not started, with plugins', async () => {
    const { service } = setup([{ pluginId: 'catalog', state: 'starting' }]);
    await expect(service.getReadiness()).resolves.toEqual({
      status: 503,
      payload: {
        status: 'error',
        message: 'Backend has not started yet',
        plugins: { catalog: { state: 'starting' } },
      },
    });
  });

  it('HLTH-012, HLTH-013: after startup readiness is 200 ok when every plugin is ready', async () => {
    const { service, start } = setup([
      { pluginId: 'catalog', state: 'ready' },
      { pluginId: 'auth', state: 'ready', failedModules: [] },
    ]);
    await start();
    await expect(service.getReadiness()).resolves.toEqual({
      status: 200,
      payload: { status: 'ok', plugins: { auth: { state: 'ready' }, catalog: { state: 'ready' } } },
    });
  });

  it('HLTH-014, HLTH-022, HLTH-025: an allowed plugin failure or failed modules make readiness degraded but 200', async () => {
    const { service, start } = setup([
      { pluginId: 'search', state: 'failed-allowed' },
      { pluginId: 'scaffolder', state: 'ready', failedModules: ['github', 'bitbucket'] },
      { pluginId: 'catalog', state: 'ready' },
    ]);
    await start();
    const readiness = await service.getReadiness();
    expect(readiness.status).toBe(200);
    expect(readiness.payload).toEqual({
      status: 'degraded',
      plugins: {
        catalog: { state: 'ready' },
        scaffolder: { state: 'ready', failedModules: ['bitbucket', 'github'] },
        search: { state: 'failed-allowed' },
      },
    });
    const onlyModules = setup([{ pluginId: 'x', state: 'ready', failedModules: ['m'] }]);
    await onlyModules.start();
    expect((await onlyModules.service.getReadiness()).payload).toMatchObject({
      status: 'degraded',
    });
  });

  it('HLTH-015, HLTH-016, HLTH-017, HLTH-024: from before-shutdown on readiness is 503 and running plugins are stopping', async () => {
    const { service, start, beginShutdown } = setup([
      { pluginId: 'a', state: 'ready' },
      { pluginId: 'b', state: 'starting' },
      { pluginId: 'c', state: 'failed-allowed' },
      { pluginId: 'd', state: 'failed' },
    ]);
    await start();
    await beginShutdown();
    await expect(service.getReadiness()).resolves.toEqual({
      status: 503,
      payload: {
        status: 'error',
        message: 'Backend is shutting down',
        plugins: {
          a: { state: 'stopping' },
          b: { state: 'stopping' },
          c: { state: 'failed-allowed' },
          d: { state: 'failed' },
        },
      },
    });
  });

  it('HLTH-016: readiness turns 503 as soon as its before-shutdown hook is called, before other hooks settle', async () => {
    const startup: Array<() => void | Promise<void>> = [];
    const beforeShutdown: Array<() => void | Promise<void>> = [];
    const service = new DefaultRootHealthService({
      lifecycle: {
        addStartupHook: (h) => void startup.push(h),
        addBeforeShutdownHook: (h) => void beforeShutdown.push(h),
      },
    });
    for (const hook of startup) await hook();
    expect((await service.getReadiness()).status).toBe(200);
    // Called but not awaited, as the runtime starts all before-shutdown hooks at once.
    const pending = beforeShutdown.map((hook) => hook());
    expect((await service.getReadiness()).status).toBe(503);
    await Promise.all(pending);
  });

  it('HLTH-018: plugins is an empty object without a source or before any plugin is known', async () => {
    const { service } = setup([]);
    expect((await service.getReadiness()).payload).toMatchObject({ plugins: {} });
    const bare = new DefaultRootHealthService({
      lifecycle: { addStartupHook: () => {}, addBeforeShutdownHook: () => {} },
    });
    expect((await bare.getReadiness()).payload).toMatchObject({ plugins: {} });
  });

  it('HLTH-018, HLTH-020, HLTH-021: entries follow the source at the time of each request', async () => {
    const { service, source, start } = setup([{ pluginId: 'a', state: 'starting' }]);
    expect((await service.getReadiness()).payload).toMatchObject({
      plugins: { a: { state: 'starting' } },
    });
    source.states = [
      { pluginId: 'a', state: 'ready' },
      { pluginId: 'b', state: 'starting' },
    ];
    await start();
    expect((await service.getReadiness()).payload).toMatchObject({
      plugins: { a: { state: 'ready' }, b: { state: 'starting' } },
    });
  });

  it('HLTH-026: only state and failedModules are copied from the source', async () => {
    const leaky = {
      pluginId: 'a',
      state: 'failed-allowed',
      error: new Error('password=hunter2'),
      config: { secret: 'x' },
    } as PluginStateEntry;
    const { service, start } = setup([leaky]);
    await start();
    const text = JSON.stringify(await service.getReadiness());
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('secret');
  });

  it('HLTH-027: plugins are listed in ascending order of plugin id', async () => {
    const { service, start } = setup([
      { pluginId: 'zeta', state: 'ready' },
      { pluginId: 'alpha', state: 'ready' },
      { pluginId: 'mid', state: 'ready' },
    ]);
    await start();
    const payload = (await service.getReadiness()).payload as { plugins: Record<string, unknown> };
    expect(Object.keys(payload.plugins)).toEqual(['alpha', 'mid', 'zeta']);
  });

  it('HLTH-018: a source connected later is used from then on', async () => {
    const { service } = setup([]);
    service.setPluginStateSource({
      getPluginStates: () => [{ pluginId: 'late', state: 'starting' }],
    });
    expect((await service.getReadiness()).payload).toMatchObject({
      plugins: { late: { state: 'starting' } },
    });
  });
});
