import { afterEach, describe, expect, it } from 'vitest';
import type { BackendFeature } from '@openstage/spec';
import { createBackendPlugin } from '../authoring/createBackendPlugin.js';
import { startTestBackend } from './startTestBackend.js';
import { TestDatabases } from './TestDatabases.js';

const scope = globalThis as { afterAll?: unknown };
const empty = createBackendPlugin({
  pluginId: 'empty',
  register: (reg) => reg.registerInit({ deps: {}, async init() {} }),
}) as unknown as BackendFeature;

/** Installs a fake runner `afterAll` that records the hooks it is given. */
function fakeAfterAll(): Array<() => Promise<void>> {
  const hooks: Array<() => Promise<void>> = [];
  scope.afterAll = (fn: () => Promise<void>) => void hooks.push(fn);
  return hooks;
}

describe('clean-up through a global afterAll', () => {
  afterEach(() => {
    delete scope.afterAll;
  });

  it('TEST-010: startTestBackend registers a hook that stops the backend', async () => {
    const hooks = fakeAfterAll();
    const backend = await startTestBackend({ features: [empty] });
    const port = backend.server.port();
    expect(hooks).toHaveLength(1);
    await hooks[0]!();
    await expect(fetch(`http://localhost:${port}/.backstage/health/v1/liveness`)).rejects.toThrow();
  });

  it('TEST-011, TEST-054: without afterAll it still works and stop() cleans up explicitly', async () => {
    expect(scope.afterAll).toBeUndefined();
    const backend = await startTestBackend({ features: [empty] });
    const port = backend.server.port();
    await backend.stop();
    await expect(fetch(`http://localhost:${port}/.backstage/health/v1/liveness`)).rejects.toThrow();
  });

  it('TEST-202: TestDatabases clean up through afterAll too', async () => {
    const hooks = fakeAfterAll();
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
    const knex = await databases.init('SQLITE_3');
    await hooks[0]!();
    await expect(knex.raw('select 1')).rejects.toThrow();
  });
});
