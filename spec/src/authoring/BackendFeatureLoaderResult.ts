import type { BackendFeature } from '../wire/BackendFeature.js';

/**
 * What the user's `loader` function may return: features, or module namespaces with a
 * `default` feature, as an iterable, a promise of one, or an async iterable.
 *
 * **When to use**: it types the return value of `loader` in `createBackendFeatureLoader`; plain
 * functions, async functions, generators and async generators all fit.
 *
 * @requirement FEAT-094
 * @requirement FEAT-095
 * @requirement LOAD-017
 * @requirement LOAD-018
 * @see {@link CreateBackendFeatureLoaderOptions}
 * @category authoring
 * @since 0.1.0
 */
export type BackendFeatureLoaderResult =
  | Iterable<BackendFeature | Promise<{ default: BackendFeature }>>
  | Promise<Iterable<BackendFeature | Promise<{ default: BackendFeature }>>>
  | AsyncIterable<BackendFeature | { default: BackendFeature }>;
