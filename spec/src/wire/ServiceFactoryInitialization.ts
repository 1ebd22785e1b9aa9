/**
 * When a service factory is instantiated: `'always'` (eagerly) or `'lazy'` (when something
 * depends on it).
 *
 * **When to use**: in the `initialization` option of `createServiceFactory`.
 *
 * **Details**: when unset, root-scoped factories behave as `'always'` and plugin-scoped
 * factories as `'lazy'`. A plugin-scoped factory with `'always'` is instantiated for every
 * installed plugin, before that plugin's modules run.
 *
 * @requirement FEAT-090
 * @requirement INIT-010
 * @requirement INIT-011
 * @requirement INIT-020
 * @requirement INIT-021
 * @requirement SVC-022
 * @requirement SVC-023
 * @see {@link ServiceFactoryFeature}
 * @category wire-format
 * @since 0.1.0
 */
export type ServiceFactoryInitialization = 'always' | 'lazy';
