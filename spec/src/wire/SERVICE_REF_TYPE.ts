/**
 * The `$$type` tag of a service ref: `'@backstage/ServiceRef'`.
 *
 * **When to use**: when an authoring library creates a service ref.
 *
 * **Details**: authoring libraries set it, but a runtime does not require it: a value counts as a
 * service ref when it has a string `id` and a valid `scope`.
 *
 * @requirement FEAT-069
 * @requirement FEAT-075
 * @see {@link ServiceRef}
 * @category wire-format
 * @since 0.1.0
 */
export const SERVICE_REF_TYPE = '@backstage/ServiceRef' as const;
