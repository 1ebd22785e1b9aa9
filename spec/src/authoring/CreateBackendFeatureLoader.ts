import type { BackendFeature } from '../wire/BackendFeature.js';
import type { CreateBackendFeatureLoaderOptions } from './CreateBackendFeatureLoaderOptions.js';

/**
 * The signature of `createBackendFeatureLoader`: wraps a function that produces features into a
 * feature.
 *
 * **When to use**: to install a set of features chosen at startup, for example from
 * configuration or by discovering packages.
 *
 * **Details**: the returned feature has the shape of {@link FeatureLoaderFeature}: its `loader`
 * collects the user loader's output into an array and unwraps module namespaces.
 *
 * @example
 * ```ts
 * export default createBackendFeatureLoader({
 *   deps: { config: coreServices.rootConfig },
 *   *loader({ config }) {
 *     if (config.getOptionalBoolean('todo.enabled')) {
 *       yield import('./todoPlugin');
 *     }
 *   },
 * });
 * ```
 *
 * @requirement FEAT-092
 * @requirement FEAT-093
 * @requirement FEAT-094
 * @requirement FEAT-095
 * @requirement LOAD-017
 * @requirement LOAD-018
 * @see {@link CreateBackendFeatureLoaderOptions}
 * @see {@link FeatureLoaderFeature}
 * @category authoring
 * @since 0.1.0
 */
export type CreateBackendFeatureLoader = <TDeps extends { [name in string]: unknown }>(
  options: CreateBackendFeatureLoaderOptions<TDeps>,
) => BackendFeature;
