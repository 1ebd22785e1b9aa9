import type { BackendFeature } from './BackendFeature.js';
import type { FeatureRegistration } from './FeatureRegistration.js';

/**
 * The run-time shape of a plugin or module feature (`featureType: 'registrations'`).
 *
 * **When to use**: authoring libraries return it from `createBackendPlugin` and
 * `createBackendModule`; runtimes call `getRegistrations()` while they start.
 *
 * **Details**: the plugin's or module's `register` callback runs inside `getRegistrations()`,
 * again with fresh registration points on every call, never earlier. A runtime calls it only
 * once `start()`, `validate()` or `graph()` is called. It returns an array of records; an
 * authoring library's plugin or module returns exactly one.
 *
 * @requirement FEAT-023
 * @requirement FEAT-028
 * @requirement FEAT-029
 * @requirement FEAT-030
 * @requirement FEAT-031
 * @requirement FEAT-032
 * @requirement FEAT-033
 * @requirement FEAT-034
 * @requirement FEAT-035
 * @requirement FEAT-036
 * @see {@link FeatureRegistration}
 * @see {@link BackendFeatureWire}
 * @category wire-format
 * @since 0.1.0
 */
export interface RegistrationsFeature extends BackendFeature {
  /** The wire format version, {@link FEATURE_VERSION}. */
  version: 'v1';
  /** Always `'registrations'`. */
  featureType: 'registrations';
  /** Runs the `register` callback and returns the resulting registration records. */
  getRegistrations: () => FeatureRegistration[];
}
