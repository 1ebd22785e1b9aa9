/**
 * The object a runtime passes to an `init`, a service `factory` or a feature `loader`: each key
 * of the declared `deps`, holding the resolved value of the ref under that key.
 *
 * **When to use**: in wire-format signatures, where the dependency types are erased.
 *
 * **Details**: a singleton service resolves to its instance, a multiton service to an array of
 * instances (empty when no factory exists), and an extension point to the implementation made
 * for the consuming module. The typed counterparts used by authors are {@link DepsToInstances}
 * and {@link ServiceRefsToInstances}.
 *
 * @requirement INIT-050
 * @requirement INIT-051
 * @requirement INIT-055
 * @requirement INIT-056
 * @requirement SVC-008
 * @requirement PLUG-010
 * @requirement LOAD-007
 * @see {@link InitRegistration}
 * @category wire-format
 * @since 0.1.0
 */
export type ResolvedDependencies = { [name: string]: unknown };
