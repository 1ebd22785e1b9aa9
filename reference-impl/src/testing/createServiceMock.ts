import type {
  CreateServiceMock,
  MockedService,
  ServiceMock,
  ServiceRef,
  ServiceScope,
} from '@openstage/spec';
import { createServiceFactory } from '../authoring/createServiceFactory.js';
import { createSpy } from './createSpy.js';

/**
 * Builds the `.mock(partial?)` function for any service ref, core or not (TEST-063 to TEST-066,
 * TEST-094): `createSpies` makes a fresh object of spies per call, functions in `partial` become
 * their implementations, and `factory` installs that very object for every consumer.
 */
export const createServiceMock: CreateServiceMock = <TService>(
  ref: ServiceRef<TService, ServiceScope, 'singleton'>,
  createSpies: () => MockedService<TService>,
) => {
  return (partialImpl?: Partial<TService>): ServiceMock<TService> => {
    const mock = createSpies() as Record<string, unknown>;
    for (const [key, value] of Object.entries(partialImpl ?? {})) {
      const spy = mock[key] as { mockImplementation?: (fn: unknown) => unknown } | undefined;
      if (typeof value === 'function' && typeof spy?.mockImplementation === 'function') {
        spy.mockImplementation(value);
      } else {
        mock[key] = value;
      }
    }
    // The factory is typed loosely here: the ref's scope decides which createServiceFactory
    // overload applies, and both provide the same object.
    const factory =
      ref.scope === 'root'
        ? createServiceFactory({
            service: ref as ServiceRef<TService, 'root', 'singleton'>,
            deps: {},
            factory: () => mock as TService,
          })
        : createServiceFactory({
            service: ref as ServiceRef<TService, 'plugin', 'singleton'>,
            deps: {},
            factory: () => mock as TService,
          });
    return Object.assign(mock, { factory }) as unknown as ServiceMock<TService>;
  };
};

/** An object with a spy for each of `methods`, for use as `createSpies`. */
export function spiesFor<TService>(
  methods: ReadonlyArray<keyof TService & string>,
): () => MockedService<TService> {
  return () =>
    Object.fromEntries(methods.map((name) => [name, createSpy()])) as MockedService<TService>;
}
