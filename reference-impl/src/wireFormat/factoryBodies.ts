/**
 * The function a plugin-scoped service factory's author wrote, returning the instance or a
 * promise of it.
 */
export type FactoryBody = (deps: { [name in string]: unknown }, context: unknown) => unknown;

const bodies = new WeakMap<object, FactoryBody>();

/**
 * Records the author's function behind a `factory` wrapper that `createServiceFactory` made. The
 * wire format's `factory` always returns a promise; calling the body instead lets the runtime
 * use an instance that exists at once without waiting a turn of the microtask queue, which
 * adds up over the services of every plugin.
 */
export function registerFactoryBody(wrapper: object, body: FactoryBody): void {
  bodies.set(wrapper, body);
}

/** The body behind `wrapper`, when it is still the wrapper `createServiceFactory` made. */
export function factoryBodyOf(wrapper: unknown): FactoryBody | undefined {
  return typeof wrapper === 'function' ? bodies.get(wrapper) : undefined;
}
