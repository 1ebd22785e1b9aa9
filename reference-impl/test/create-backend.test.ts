import { coreServiceIds } from '@openstage/spec';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../src/createBackend.js';
import { createSpecializedBackend } from '../src/index.js';

describe('createBackend()', () => {
  it('BACK-009: returns the same kind of backend instance as createSpecializedBackend', () => {
    const methods = (value: object) =>
      Object.entries(value)
        .filter(([, v]) => typeof v === 'function')
        .map(([k]) => k)
        .sort();
    expect(methods(createBackend())).toEqual(
      methods(createSpecializedBackend({ defaultServiceFactories: [] })),
    );
  });

  it('BACK-010: installs a default factory for every core service except the two the runtime supplies', async () => {
    const backend = createBackend();
    const graph = await backend.graph();
    await backend.stop();
    const defaults = new Set(
      graph.nodes.flatMap((n) =>
        n.kind === 'service' && n.factories.some((f) => f.source === 'default')
          ? [n.serviceId]
          : [],
      ),
    );
    const expected = Object.values(coreServiceIds).filter(
      (id) => id !== 'core.pluginMetadata' && id !== 'core.rootInstanceMetadata',
    );
    expect(expected.filter((id) => !defaults.has(id))).toEqual([]);
    expect(defaults.has('core.pluginMetadata')).toBe(false);
  });
});
