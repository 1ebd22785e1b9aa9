import type { MockFunction } from '@openstage/spec';

/** Any function a spy can stand in for. */
// `never[]` parameters make every function assignable, whatever its argument types.
export type AnyFunction = (...args: never[]) => unknown;

/**
 * The test kit's own spy (TEST-053): records every call's arguments in `mock.calls` and supports
 * the `mockImplementation` family with the meanings they have in Jest and Vitest. Used when the
 * runner offers no `jest.fn` or `vi.fn` global.
 */
export function createOwnSpy<TFunction extends AnyFunction>(
  implementation?: TFunction,
): MockFunction<TFunction> {
  let current: ((...args: unknown[]) => unknown) | undefined = implementation as
    ((...args: unknown[]) => unknown) | undefined;
  const calls: unknown[][] = [];
  const results: Array<{ type: 'return' | 'throw'; value: unknown }> = [];
  const spy = function (this: unknown, ...args: unknown[]): unknown {
    calls.push(args);
    try {
      const value = current?.apply(this, args);
      results.push({ type: 'return', value });
      return value;
    } catch (error) {
      results.push({ type: 'throw', value: error });
      throw error;
    }
  };
  const self = spy as unknown as MockFunction<TFunction> & {
    mock: { results: typeof results; lastCall?: unknown[] };
  };
  Object.defineProperty(self, 'mock', {
    value: {
      calls,
      results,
      get lastCall() {
        return calls[calls.length - 1];
      },
    },
  });
  const set = (next: ((...args: unknown[]) => unknown) | undefined): MockFunction<TFunction> => {
    current = next;
    return self;
  };
  self.mockImplementation = (fn) => set(fn as unknown as (...args: unknown[]) => unknown);
  self.mockReturnValue = (value) => set(() => value);
  self.mockResolvedValue = (value) => set(() => Promise.resolve(value));
  self.mockRejectedValue = (error) => set(() => Promise.reject(error));
  self.mockReset = () => {
    calls.length = 0;
    results.length = 0;
    return set(undefined);
  };
  return self;
}

interface SpyGlobal {
  fn?: (implementation?: AnyFunction) => unknown;
}

/**
 * Creates a spy with the runner's own spy function when one exists as a global: `jest.fn`,
 * otherwise `vi.fn`, otherwise {@link createOwnSpy} (TEST-052). Globals are read at call time,
 * so loading the kit never needs them (TEST-051).
 */
export function createSpy<TFunction extends AnyFunction>(
  implementation?: TFunction,
): MockFunction<TFunction> {
  const scope = globalThis as { jest?: SpyGlobal; vi?: SpyGlobal };
  const fn =
    typeof scope.jest?.fn === 'function'
      ? scope.jest.fn
      : typeof scope.vi?.fn === 'function'
        ? scope.vi.fn
        : undefined;
  if (fn !== undefined) {
    // The runner's spies have the same members under their own types.
    return (implementation === undefined ? fn() : fn(implementation)) as MockFunction<TFunction>;
  }
  return createOwnSpy(implementation);
}
