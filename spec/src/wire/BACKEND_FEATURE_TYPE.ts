/**
 * The `$$type` tag of every backend feature object: `'@backstage/BackendFeature'`.
 *
 * **When to use**: when building a feature object by hand, and when a runtime checks whether a
 * value is a feature.
 *
 * **Details**: the value is Backstage's, unchanged, so that features cross between Backstage and
 * Openstage runtimes. A runtime checks it before it reads any other property of a feature.
 *
 * @requirement FEAT-001
 * @requirement FEAT-006
 * @requirement FEAT-007
 * @see {@link BackendFeature}
 * @see {@link FEATURE_VERSION}
 * @category wire-format
 * @since 0.1.0
 */
export const BACKEND_FEATURE_TYPE = '@backstage/BackendFeature' as const;
