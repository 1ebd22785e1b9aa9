import type { ExtensionPoint } from '../wire/ExtensionPoint.js';
import type { ServiceRef } from '../wire/ServiceRef.js';
import type { DepsToInstances } from './DepsToInstances.js';

/**
 * The argument of a module's `registerInit`: the services and extension points it needs and the
 * function that starts it.
 *
 * **When to use**: inside a module's `register`, exactly once.
 *
 * **Details**: a module may depend on extension points of its own plugin, registered by the
 * plugin or by other modules of that plugin.
 *
 * @requirement MOD-006
 * @see {@link BackendModuleRegistrationPoints}
 * @category authoring
 * @since 0.1.0
 */
export interface BackendModuleInitOptions<
  TDeps extends { [name in string]: ServiceRef<unknown> | ExtensionPoint<unknown> },
> {
  /** The service and extension point refs the module depends on, by name. */
  deps: TDeps;
  /** Starts the module; resolves once it is ready. */
  init: (deps: DepsToInstances<TDeps>) => Promise<void>;
}
