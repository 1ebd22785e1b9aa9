import type { ExtensionPoint } from './ExtensionPoint.js';
import type { ResolvedDependencies } from './ResolvedDependencies.js';
import type { ServiceRef } from './ServiceRef.js';

/**
 * The recorded `registerInit` call of a plugin or module: its dependency refs and its `init`
 * function.
 *
 * **When to use**: authoring libraries build it; runtimes resolve `deps` and call `func`.
 *
 * **Details**: `func` receives one object with exactly the keys of `deps`. The `TDep` parameter
 * narrows the refs: plugins may list only service refs, modules may list extension point refs
 * as well.
 *
 * @requirement FEAT-027
 * @requirement FEAT-046
 * @requirement FEAT-047
 * @requirement FEAT-048
 * @requirement FEAT-049
 * @requirement FEAT-050
 * @see {@link PluginRegistration}
 * @see {@link ModuleRegistration}
 * @category wire-format
 * @since 0.1.0
 */
export interface InitRegistration<
  TDep extends ServiceRef<unknown> | ExtensionPoint<unknown> =
    ServiceRef<unknown> | ExtensionPoint<unknown>,
> {
  /** The refs the `init` depends on, by the name under which it receives them. */
  deps: { [name: string]: TDep };
  /** The `init` function given to `registerInit`. */
  func: (deps: ResolvedDependencies) => Promise<void>;
}
