import type { ServiceFactory } from '../wire/ServiceFactory.js';
import type { ServiceScope } from '../wire/ServiceScope.js';
import type { ServiceMock } from './ServiceMock.js';

/**
 * One member of `mockServices`: a function returning a working fake, with `factory` and `mock`
 * helpers.
 *
 * **When to use**: `mockServices.<name>(options?)` for a fake to use directly,
 * `mockServices.<name>.factory(options?)` to install a service in a test backend, and
 * `mockServices.<name>.mock(partial?)` for a spy-based mock.
 *
 * @requirement TEST-062
 * @requirement TEST-063
 * @requirement TEST-067
 * @requirement TEST-068
 * @requirement TEST-069
 * @requirement TEST-070
 * @see {@link MockServices}
 * @category testing
 * @since 0.1.0
 */
export type MockServiceEntry<
  TService,
  TScope extends ServiceScope,
  TFake extends TService = TService,
  TOptions = undefined,
  TFactoryOptions = TOptions,
> = ((options?: TOptions) => TFake) & {
  /** A service factory for this core service. */
  factory: (options?: TFactoryOptions) => ServiceFactory<TService, TScope, 'singleton'>;
  /** A mock whose methods are spies, with a `factory` that installs it. */
  mock: (partialImpl?: Partial<TService>) => ServiceMock<TService>;
};
