/**
 * The backend instance types of the spec against `@backstage/backend-app-api` 1.7.4 (the
 * package that defines Backstage's `Backend`, `createSpecializedBackend` and startup results).
 */
import type {
  Backend as BackstageBackend,
  BackendStartupError as BackstageBackendStartupError,
  BackendStartupResult as BackstageBackendStartupResult,
  CreateSpecializedBackendOptions as BackstageCreateSpecializedBackendOptions,
  ExtensionPointFactoryMiddleware as BackstageExtensionPointFactoryMiddleware,
  ModuleStartupResult as BackstageModuleStartupResult,
  PluginStartupResult as BackstagePluginStartupResult,
  createExtensionPointFactoryMiddleware,
  createSpecializedBackend,
} from '@backstage/backend-app-api';
import { describe, expectTypeOf, it } from 'vitest';
import type * as Spec from '../../src/index.js';

describe('backend instance', () => {
  it("an Openstage backend has Backstage's add and start; its stop() resolves to a result", () => {
    expectTypeOf<Omit<Spec.Backend, 'stop'>>().toExtend<Omit<BackstageBackend, 'stop'>>();
    expectTypeOf<Omit<Spec.TestBackend, 'stop'>>().toExtend<Omit<BackstageBackend, 'stop'>>();
    // STOP-020 makes stop() resolve to a ShutdownResult where Backstage resolves to void. A
    // Promise<ShutdownResult> is not a Promise<void> to the compiler, so code typed against
    // Backstage's Backend needs a cast to hold an Openstage backend, although every call it makes
    // works at run time.
    expectTypeOf<Spec.Backend>().not.toExtend<BackstageBackend>();
    expectTypeOf<ReturnType<Spec.Backend['stop']>>().toEqualTypeOf<Promise<Spec.ShutdownResult>>();
  });

  it("Backstage's Backend has add and start but lacks the Openstage additions", () => {
    expectTypeOf<BackstageBackend>().toExtend<Pick<Spec.Backend, 'add' | 'start'>>();
    // No validate(), graph() or getStartupTimeline() (BACK-001, INIT-140), and stop() resolves
    // to undefined instead of a ShutdownResult (STOP-020).
    expectTypeOf<BackstageBackend>().not.toExtend<Spec.Backend>();
  });

  it('createSpecializedBackend options are the same thing', () => {
    expectTypeOf<BackstageCreateSpecializedBackendOptions>().toExtend<Spec.CreateSpecializedBackendOptions>();
    expectTypeOf<Spec.CreateSpecializedBackendOptions>().toExtend<BackstageCreateSpecializedBackendOptions>();
    expectTypeOf<BackstageExtensionPointFactoryMiddleware>().toEqualTypeOf<Spec.ExtensionPointFactoryMiddleware>();
    expectTypeOf<Spec.ExtensionPointFactoryMiddlewareWire>().toExtend<BackstageExtensionPointFactoryMiddleware>();
  });

  it('createSpecializedBackend takes the same options in both libraries', () => {
    expectTypeOf<Parameters<Spec.CreateSpecializedBackend>>().toEqualTypeOf<
      Parameters<typeof createSpecializedBackend>
    >();
    // The backends they return differ as described above, so neither function type is
    // assignable to the other.
    expectTypeOf<Spec.CreateSpecializedBackend>().not.toExtend<typeof createSpecializedBackend>();
    expectTypeOf<typeof createSpecializedBackend>().not.toExtend<Spec.CreateSpecializedBackend>();
  });

  it('createExtensionPointFactoryMiddleware has the same signature', () => {
    expectTypeOf<
      typeof createExtensionPointFactoryMiddleware
    >().toExtend<Spec.CreateExtensionPointFactoryMiddleware>();
    expectTypeOf<Spec.CreateExtensionPointFactoryMiddleware>().toExtend<
      typeof createExtensionPointFactoryMiddleware
    >();
  });
});

describe('startup result and error', () => {
  it("Backstage's startup results fit the spec's, whose additions are optional", () => {
    expectTypeOf<BackstageBackendStartupResult>().toExtend<Spec.BackendStartupResult>();
    expectTypeOf<BackstagePluginStartupResult>().toExtend<Spec.PluginStartupResult>();
    expectTypeOf<BackstageModuleStartupResult>().toExtend<Spec.ModuleStartupResult>();
  });

  it("the spec's startup results fit Backstage's", () => {
    expectTypeOf<Spec.BackendStartupResult>().toExtend<BackstageBackendStartupResult>();
    expectTypeOf<Spec.PluginStartupResult>().toExtend<BackstagePluginStartupResult>();
    expectTypeOf<Spec.ModuleStartupResult>().toExtend<BackstageModuleStartupResult>();
  });

  it("Backstage's BackendStartupError fits the spec's shape", () => {
    expectTypeOf<BackstageBackendStartupError>().toExtend<Spec.BackendStartupError>();
  });

  it('start() results agree in both directions', () => {
    expectTypeOf<ReturnType<Spec.Backend['start']>>().toExtend<
      ReturnType<BackstageBackend['start']>
    >();
    expectTypeOf<ReturnType<BackstageBackend['start']>>().toExtend<
      ReturnType<Spec.Backend['start']>
    >();
  });
});
