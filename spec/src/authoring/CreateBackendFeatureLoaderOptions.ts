import type { ServiceRef } from '../wire/ServiceRef.js';
import type { BackendFeatureLoaderResult } from './BackendFeatureLoaderResult.js';

/**
 * The options of `createBackendFeatureLoader`.
 *
 * **When to use**: to decide at startup, for example from configuration, which features to
 * install.
 *
 * **Details**: a loader may depend only on root-scoped services.
 *
 * @requirement LOAD-003
 * @requirement LOAD-007
 * @requirement LOAD-017
 * @see {@link CreateBackendFeatureLoader}
 * @category authoring
 * @since 0.1.0
 */
export interface CreateBackendFeatureLoaderOptions<TDeps extends { [name in string]: unknown }> {
  /** The root-scoped services the loader depends on, by name. */
  deps?: { [name in keyof TDeps]: ServiceRef<TDeps[name], 'root'> };
  /** Produces the features to install. */
  loader: (deps: TDeps) => BackendFeatureLoaderResult;
}
