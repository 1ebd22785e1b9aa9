import type { BackendFeature } from './BackendFeature.js';
import type { ResolvedDependencies } from './ResolvedDependencies.js';
import type { ServiceRef } from './ServiceRef.js';

/**
 * The run-time shape of a feature loader (`featureType: 'loader'`).
 *
 * **When to use**: authoring libraries return it from `createBackendFeatureLoader`; runtimes
 * resolve its root-scoped `deps`, call `loader` and install what it returns.
 *
 * **Details**: the wrapped `loader` has already awaited the user's loader, iterated its result
 * (sync or async) and unwrapped `{ default }` module namespaces, so it resolves to an array of
 * features. Runtimes also accept an iterable or async iterable from loaders built by hand. An
 * absent `deps` counts as an empty object. `description` names where the loader was created and
 * appears in error messages.
 *
 * @requirement FEAT-092
 * @requirement FEAT-093
 * @requirement FEAT-094
 * @requirement FEAT-095
 * @requirement FEAT-096
 * @requirement FEAT-097
 * @requirement FEAT-098
 * @requirement FEAT-099
 * @see {@link CreateBackendFeatureLoader}
 * @see {@link BackendFeatureWire}
 * @category wire-format
 * @since 0.1.0
 */
export interface FeatureLoaderFeature extends BackendFeature {
  /** The wire format version, {@link FEATURE_VERSION}. */
  version: 'v1';
  /** Always `'loader'`. */
  featureType: 'loader';
  /** Where the loader was created, as `created at '<location>'`. */
  description: string;
  /** The root-scoped refs the loader depends on, by name. */
  deps?: { [name: string]: ServiceRef<unknown, 'root'> };
  /** Produces the features to install. */
  loader: (
    deps: ResolvedDependencies,
  ) => Promise<BackendFeature[] | Iterable<BackendFeature> | AsyncIterable<BackendFeature>>;
}
