/**
 * Negative type tests: the spec declares callback members as function-typed properties, so an
 * implementation that accepts less than the spec promises callers is rejected. Backstage
 * declares the same members as methods, whose parameters the compiler compares bivariantly, so
 * it accepts these broken implementations; each case shows both outcomes side by side.
 */
import type * as Backstage from '@backstage/backend-plugin-api';
import { describe, expectTypeOf, it } from 'vitest';
import type * as Spec from '../../src/index.js';
import type { JsonObject } from '../../src/index.js';

describe('narrower implementations are rejected', () => {
  it('a lifecycle whose addStartupHook requires hooks that return a promise', () => {
    type AsyncOnlyLifecycle = {
      addStartupHook: (hook: () => Promise<void>) => void;
      addShutdownHook: (hook: () => Promise<void>) => void;
    };
    // Callers may pass synchronous hooks; this implementation would await `undefined.then`.
    // @ts-expect-error -- rejected by the spec's function-typed properties
    expectTypeOf<AsyncOnlyLifecycle>().toExtend<Spec.LifecycleService>();
    // Backstage's method syntax lets it through.
    expectTypeOf<AsyncOnlyLifecycle>().toExtend<Backstage.LifecycleService>();

    const asyncOnly = {} as AsyncOnlyLifecycle;
    // @ts-expect-error -- the same check as an assignment
    const lifecycle: Spec.LifecycleService = asyncOnly;
    void lifecycle;
  });

  it('a root lifecycle whose addBeforeShutdownHook requires async hooks', () => {
    type Narrow = Spec.LifecycleService & {
      addBeforeShutdownHook: (hook: () => Promise<void>) => void;
    };
    // @ts-expect-error -- rejected by the spec
    expectTypeOf<Narrow>().toExtend<Spec.RootLifecycleService>();
    expectTypeOf<Narrow>().toExtend<Backstage.RootLifecycleService>();
  });

  it('a cache that only stores strings', () => {
    type StringCache = Omit<Spec.CacheService, 'set'> & {
      set: (key: string, value: string) => Promise<void>;
    };
    // @ts-expect-error -- callers may store any JSON value
    expectTypeOf<StringCache>().toExtend<Spec.CacheService>();
    expectTypeOf<StringCache>().toExtend<Backstage.CacheService>();
  });

  it('a logger that requires metadata and refuses errors', () => {
    type StrictMetaLogger = Omit<Spec.LoggerService, 'error'> & {
      error: (message: string, meta: JsonObject) => void;
    };
    // @ts-expect-error -- callers may omit meta or pass an Error
    expectTypeOf<StrictMetaLogger>().toExtend<Spec.LoggerService>();
    expectTypeOf<StrictMetaLogger>().toExtend<Backstage.LoggerService>();
  });

  it('a scheduler that only triggers the task ids it knows', () => {
    type Narrow = Omit<Spec.SchedulerService, 'triggerTask'> & {
      triggerTask: (id: 'refresh' | 'cleanup') => Promise<void>;
    };
    // @ts-expect-error -- callers may trigger any task id
    expectTypeOf<Narrow>().toExtend<Spec.SchedulerService>();
    expectTypeOf<Narrow>().toExtend<Backstage.SchedulerService>();
  });

  it('registration points whose registerExtensionPoint only takes the options form', () => {
    type Narrow = Omit<Spec.BackendPluginRegistrationPoints, 'registerExtensionPoint'> & {
      registerExtensionPoint: <T>(options: Spec.RegisterExtensionPointOptions<T>) => void;
    };
    // @ts-expect-error -- both overloads are part of the contract
    expectTypeOf<Narrow>().toExtend<Spec.BackendPluginRegistrationPoints>();
  });

  it('a health service that answers with a narrower payload is fine (covariant results)', () => {
    type Narrow = {
      getLiveness: () => Promise<{ status: 200 }>;
      getReadiness: () => Promise<{ status: 200 | 503; payload: { status: string } }>;
    };
    expectTypeOf<Narrow>().toExtend<Spec.RootHealthService>();
  });
});
