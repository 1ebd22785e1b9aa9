import type { FeatureLoaderFeature } from './FeatureLoaderFeature.js';
import type { RegistrationsFeature } from './RegistrationsFeature.js';
import type { ServiceFactoryFeature } from './ServiceFactoryFeature.js';

/**
 * The complete run-time shape of a feature object, discriminated by `featureType`.
 *
 * **When to use**: in runtimes after a value passed the tag and version checks, and in authoring
 * libraries as the type of what they build.
 *
 * **Details**: every variant carries `$$type: '@backstage/BackendFeature'` and `version: 'v1'`.
 * A runtime checks the tag first, then the version, then classifies the feature.
 *
 * @requirement FEAT-001
 * @requirement FEAT-002
 * @requirement FEAT-003
 * @requirement FEAT-004
 * @requirement FEAT-007
 * @requirement FEAT-008
 * @requirement FEAT-009
 * @see {@link BackendFeature}
 * @category wire-format
 * @since 0.1.0
 */
export type BackendFeatureWire =
  RegistrationsFeature | ServiceFactoryFeature | FeatureLoaderFeature;
