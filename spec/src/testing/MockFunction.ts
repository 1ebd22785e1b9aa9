/**
 * A spy: a function that records its calls and whose behaviour a test can replace.
 *
 * **When to use**: the members of objects returned by `mockServices.<name>.mock()` are spies.
 *
 * **Details**: a test kit uses `jest.fn` when a global `jest` exists, otherwise `vi.fn` when a
 * global `vi` exists, otherwise its own spy function; all three have at least these members,
 * with the meanings they have in Jest and Vitest.
 *
 * @requirement TEST-052
 * @requirement TEST-053
 * @see {@link ServiceMock}
 * @category testing
 * @since 0.1.0
 */
export type MockFunction<TFunction extends (...args: never[]) => unknown> = TFunction & {
  /** What the spy has recorded. */
  mock: {
    /** The arguments of every call, in call order. */
    calls: Parameters<TFunction>[];
  };
  /** Makes the spy call `implementation`. */
  mockImplementation: (implementation: TFunction) => MockFunction<TFunction>;
  /** Makes the spy return `value`. */
  mockReturnValue: (value: ReturnType<TFunction>) => MockFunction<TFunction>;
  /** Makes the spy return a promise resolving to `value`. */
  mockResolvedValue: (value: Awaited<ReturnType<TFunction>>) => MockFunction<TFunction>;
  /** Makes the spy return a promise rejecting with `error`. */
  mockRejectedValue: (error: unknown) => MockFunction<TFunction>;
  /** Forgets recorded calls and configured behaviour. */
  mockReset: () => MockFunction<TFunction>;
};
