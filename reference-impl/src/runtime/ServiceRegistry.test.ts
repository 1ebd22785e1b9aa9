import { describe, expect, it } from 'vitest';
import { createServiceFactory } from '../authoring/createServiceFactory.js';
import { createServiceRef } from '../authoring/createServiceRef.js';
import { coreServices } from '../authoring/coreServices.js';
import type { InternalServiceFactory, InternalServiceRef } from '../wireFormat/types.js';
import { ServiceRegistry } from './ServiceRegistry.js';
import { StartupTimeline } from './StartupTimeline.js';

const internal = (factory: unknown) => factory as InternalServiceFactory;
const asRef = (ref: unknown) => ref as InternalServiceRef;

const rootRef = createServiceRef<{ name: string }>({ id: 'test.root', scope: 'root' });
const pluginRef = createServiceRef<{ plugin: string; root: string }>({ id: 'test.plugin' });

function rootFactory(name: string) {
  return internal(createServiceFactory({ service: rootRef, deps: {}, factory: () => ({ name }) }));
}

const pluginFactory = internal(
  createServiceFactory({
    service: pluginRef,
    deps: { root: rootRef, meta: coreServices.pluginMetadata },
    factory: ({ root, meta }) => ({ plugin: meta.getId(), root: root.name }),
  }),
);

describe('ServiceRegistry', () => {
  it('SVC-005, SVC-027: repeated gets share one instance; a factory added later takes effect over it', async () => {
    const registry = new ServiceRegistry();
    registry.add(rootFactory('default'), 'default', 'defaults[0]');
    const first = registry.get(asRef(rootRef), 'root');
    expect(registry.get(asRef(rootRef), 'catalog')).toBe(first);
    expect(await first).toEqual({ name: 'default' });
    registry.add(rootFactory('added'), 'added', 'features[0]');
    expect(await registry.get(asRef(rootRef), 'root')).toEqual({ name: 'added' });
  });

  it('SVC-008, SVC-010: a plugin service gets its deps by name, whether they exist already or not', async () => {
    const registry = new ServiceRegistry();
    registry.add(rootFactory('r'), 'default', 'defaults[0]');
    registry.add(pluginFactory, 'default', 'defaults[1]');
    // Nothing exists yet for the first plugin; everything but its own metadata for the second.
    expect(await registry.get(asRef(pluginRef), 'a')).toEqual({ plugin: 'a', root: 'r' });
    expect(await registry.get(asRef(pluginRef), 'b')).toEqual({ plugin: 'b', root: 'r' });
    expect(registry.get(asRef(pluginRef), 'a')).toBe(registry.get(asRef(pluginRef), 'a'));
    expect(registry.hasInstance(asRef(pluginRef), 'b')).toBe(true);
    expect(registry.hasInstance(asRef(pluginRef), 'c')).toBe(false);
  });

  it('INIT-143: while a dependency is pending, the timeline names it; once ready, nothing', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const registry = new ServiceRegistry();
    const timeline = new StartupTimeline();
    registry.timeline = timeline;
    registry.add(
      internal(
        createServiceFactory({
          service: rootRef,
          deps: {},
          factory: async () => {
            await gate;
            return { name: 'slow' };
          },
        }),
      ),
      'default',
      'defaults[0]',
    );
    registry.add(pluginFactory, 'default', 'defaults[1]');
    const instance = registry.get(asRef(pluginRef), 'a');
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = timeline.entries().entries.find((e) => e.serviceId === 'test.plugin');
    // core.pluginMetadata has no entry of its own, so only the root service is named.
    expect(waiting?.waitingOn).toEqual([{ kind: 'rootService', serviceId: 'test.root' }]);
    release();
    expect(await instance).toEqual({ plugin: 'a', root: 'slow' });
    const done = timeline.entries().entries.find((e) => e.serviceId === 'test.plugin');
    expect(done).toMatchObject({ outcome: 'success', waitingOn: [] });
  });

  it('SVC-007: a factory whose `factory` function was replaced is called through the replacement', async () => {
    const registry = new ServiceRegistry();
    registry.add(rootFactory('r'), 'default', 'defaults[0]');
    const replaced = { ...pluginFactory, factory: async () => ({ plugin: 'replaced', root: '-' }) };
    registry.add(replaced, 'default', 'defaults[1]');
    expect(await registry.get(asRef(pluginRef), 'a')).toEqual({ plugin: 'replaced', root: '-' });
  });

  it('a dependency that fails fails the service that needs it, with its error', async () => {
    const registry = new ServiceRegistry();
    registry.add(
      internal(
        createServiceFactory({
          service: rootRef,
          deps: {},
          factory: () => {
            throw new Error('no root today');
          },
        }),
      ),
      'default',
      'defaults[0]',
    );
    registry.add(pluginFactory, 'default', 'defaults[1]');
    await expect(registry.get(asRef(pluginRef), 'a')).rejects.toMatchObject({
      code: 'SVC_FACTORY_FAILED',
      message: expect.stringContaining('no root today'),
    });
  });

  it('a dependency cycle that preflight would have rejected waits on itself instead of overflowing the stack', async () => {
    const registry = new ServiceRegistry();
    const plugin = addCycle(registry, 'test.cycle.a', 'test.cycle.b', 'plugin', 0);
    expect(await outcomeSoon(registry.get(asRef(plugin), 'p'))).toBe('pending');
    const root = addCycle(registry, 'test.cycle.rootA', 'test.cycle.rootB', 'root', 2);
    expect(await outcomeSoon(registry.get(asRef(root), 'root'))).toBe('pending');
  });
});

/** Adds two services of `scope` that depend on each other; returns the ref of the first. */
function addCycle(
  registry: ServiceRegistry,
  firstId: string,
  secondId: string,
  scope: 'root' | 'plugin',
  index: number,
) {
  // createServiceRef's and createServiceFactory's overloads take the scope as a literal; the
  // factories are cast, as the registry reads them through `internal` anyway.
  const refOf = (id: string) =>
    scope === 'root'
      ? createServiceRef<string>({ id, scope: 'root' })
      : createServiceRef<string>({ id });
  const first = refOf(firstId);
  const second = refOf(secondId);
  const pairs = [
    [first, second],
    [second, first],
  ] as const;
  pairs.forEach(([service, other], offset) => {
    registry.add(
      internal(
        createServiceFactory({ service, deps: { other }, factory: () => service.id } as never),
      ),
      'default',
      `defaults[${index + offset}]`,
    );
  });
  return first;
}

/** What became of `instance` 20 ms on: `pending`, `resolved` or `rejected: <error>`. */
async function outcomeSoon(instance: Promise<unknown> | undefined): Promise<string> {
  let outcome = 'pending';
  void instance?.then(
    () => (outcome = 'resolved'),
    (error: unknown) => (outcome = `rejected: ${String(error)}`),
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  return outcome;
}
