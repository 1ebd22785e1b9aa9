import type { MockFunction } from './MockFunction.js';

/**
 * A service object whose function members are all spies.
 *
 * **When to use**: what the `createSpies` callback of `createServiceMock` returns.
 *
 * @requirement TEST-063
 * @see {@link ServiceMock}
 * @category testing
 * @since 0.1.0
 */
export type MockedService<TService> = {
  [TKey in keyof TService]: TService[TKey] extends (...args: never[]) => unknown
    ? MockFunction<TService[TKey]>
    : TService[TKey];
};
