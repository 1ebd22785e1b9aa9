/**
 * The kind of a feature, as stored in its `featureType` property.
 *
 * **When to use**: when building a feature by hand and when a runtime classifies a feature.
 *
 * **Details**: `'registrations'` for plugins and modules, `'service'` for service factories and
 * `'loader'` for feature loaders. A runtime also recognises features from older libraries that
 * lack `featureType`: an object with a `service` property is a service factory and one with a
 * `getRegistrations` property is a registrations feature.
 *
 * @requirement FEAT-003
 * @requirement FEAT-010
 * @requirement FEAT-011
 * @requirement FEAT-012
 * @requirement FEAT-013
 * @see {@link BackendFeatureWire}
 * @category wire-format
 * @since 0.1.0
 */
export type BackendFeatureType = 'registrations' | 'service' | 'loader';
