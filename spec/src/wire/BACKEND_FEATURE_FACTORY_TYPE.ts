/**
 * The `$$type` tag of a feature factory: `'@backstage/BackendFeatureFactory'`.
 *
 * **When to use**: when package discovery inspects the `default` export of a package and has to
 * tell a feature factory (a function to call) from a feature.
 *
 * @requirement FEAT-100
 * @requirement LOAD-056
 * @see {@link BackendFeatureFactory}
 * @category wire-format
 * @since 0.1.0
 */
export const BACKEND_FEATURE_FACTORY_TYPE = '@backstage/BackendFeatureFactory' as const;
