/**
 * Something that can be installed in a backend with `add()`: a plugin, a module, a service
 * factory or a feature loader.
 *
 * **When to use**: as the type of everything passed to `backend.add()` and returned by the
 * authoring functions. It is deliberately opaque: code that only moves features around needs
 * nothing else.
 *
 * **Details**: identical to Backstage's public `BackendFeature`, which exposes only the tag. The
 * properties a runtime actually reads (`version`, `featureType` and the per-kind properties) are
 * described by {@link BackendFeatureWire} and its members.
 *
 * @requirement FEAT-001
 * @requirement FEAT-005
 * @requirement FEAT-006
 * @requirement FEAT-007
 * @see {@link BackendFeatureWire}
 * @category wire-format
 * @since 0.1.0
 */
export interface BackendFeature {
  /** The tag {@link BACKEND_FEATURE_TYPE}. */
  $$type: '@backstage/BackendFeature';
}
