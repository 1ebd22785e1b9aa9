/**
 * The scope of a service: `'root'` (one instance per backend) or `'plugin'` (one instance per
 * plugin).
 *
 * **When to use**: as the `TScope` type parameter of service refs and factories, and wherever a
 * runtime reasons about which services may depend on which.
 *
 * **Details**: a root-scoped service is shared by every plugin and may depend only on other
 * root-scoped services. A plugin-scoped service is instantiated once for each plugin that needs
 * it and may depend on services of both scopes.
 *
 * @requirement SVC-001
 * @requirement SVC-002
 * @requirement SVC-003
 * @requirement SVC-042
 * @requirement SVC-043
 * @see {@link ServiceRef}
 * @category wire-format
 * @since 0.1.0
 */
export type ServiceScope = 'root' | 'plugin';
