import type { BackendFeature } from './BackendFeature.js';

/**
 * A function, tagged `'@backstage/BackendFeatureFactory'`, that returns a feature when called
 * with no arguments.
 *
 * **When to use**: as the `default` export of a package whose feature must be built at the
 * moment it is installed. Only package discovery calls it; `add()` does not accept it.
 *
 * @requirement FEAT-100
 * @requirement FEAT-101
 * @requirement LOAD-056
 * @see {@link BACKEND_FEATURE_FACTORY_TYPE}
 * @category wire-format
 * @since 0.1.0
 */
export type BackendFeatureFactory = (() => BackendFeature) & {
  /** The tag {@link BACKEND_FEATURE_FACTORY_TYPE}. */
  $$type: '@backstage/BackendFeatureFactory';
};
