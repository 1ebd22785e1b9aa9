import type { ResolvedDependencies } from './ResolvedDependencies.js';
import type { ServiceFactory } from './ServiceFactory.js';
import type { ServiceFactoryInitialization } from './ServiceFactoryInitialization.js';
import type { ServiceInstances } from './ServiceInstances.js';
import type { ServiceRef } from './ServiceRef.js';
import type { ServiceScope } from './ServiceScope.js';

/**
 * The complete run-time shape of a service factory feature (`featureType: 'service'`).
 *
 * **When to use**: in authoring libraries, which must produce it, and in runtimes, which consume
 * it.
 *
 * **Details**: a root-scoped factory is called as `factory(deps)` with its root dependencies. A
 * plugin-scoped factory is called as `factory(deps, context)` once per plugin, where `context` is
 * what `createRootContext(rootDeps)` returned; `createRootContext` runs at most once per backend
 * and receives only the root-scoped dependencies. Authoring libraries always return promises
 * from both functions; runtimes also accept plain values.
 *
 * @requirement FEAT-083
 * @requirement FEAT-084
 * @requirement FEAT-085
 * @requirement FEAT-086
 * @requirement FEAT-087
 * @requirement FEAT-088
 * @requirement FEAT-089
 * @requirement FEAT-090
 * @requirement FEAT-091
 * @requirement SVC-006
 * @requirement SVC-007
 * @requirement SVC-011
 * @requirement SVC-012
 * @requirement SVC-013
 * @requirement SVC-014
 * @see {@link ServiceFactory}
 * @see {@link BackendFeatureWire}
 * @category wire-format
 * @since 0.1.0
 */
export interface ServiceFactoryFeature<
  TService = unknown,
  TScope extends ServiceScope = ServiceScope,
  TInstances extends ServiceInstances = ServiceInstances,
> extends ServiceFactory<TService, TScope, TInstances> {
  /** The wire format version, {@link FEATURE_VERSION}. */
  version: 'v1';
  /** Always `'service'`. */
  featureType: 'service';
  /** When the service is instantiated; see {@link ServiceFactoryInitialization}. */
  initialization?: ServiceFactoryInitialization;
  /** The refs this factory depends on, by the name under which `factory` receives them. */
  deps: { [name: string]: ServiceRef<unknown> };
  /**
   * Creates the service instance: for root scope once per backend, for plugin scope once per
   * plugin. `context` is the value of `createRootContext`, or `undefined`.
   */
  factory: (deps: ResolvedDependencies, context: unknown) => Promise<TService>;
  /**
   * For plugin-scoped factories only: creates a value shared by every per-plugin `factory` call.
   * Receives only the root-scoped dependencies.
   */
  createRootContext?: (deps: ResolvedDependencies) => Promise<unknown>;
}
