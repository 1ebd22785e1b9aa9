import type { ServiceRef } from '../wire/ServiceRef.js';
import type { DepsToInstances } from './DepsToInstances.js';

/**
 * The argument of a plugin's `registerInit`: the services it needs and the function that starts
 * it.
 *
 * **When to use**: inside a plugin's `register`, exactly once.
 *
 * **Details**: a plugin may depend only on services, never on extension points.
 *
 * @requirement PLUG-008
 * @requirement PLUG-010
 * @requirement PLUG-011
 * @requirement PLUG-015
 * @requirement PLUG-016
 * @see {@link BackendPluginRegistrationPoints}
 * @category authoring
 * @since 0.1.0
 */
export interface BackendPluginInitOptions<TDeps extends { [name in string]: ServiceRef<unknown> }> {
  /** The service refs the plugin depends on, by the name `init` receives them under. */
  deps: TDeps;
  /** Starts the plugin; resolves once it is ready. */
  init: (deps: DepsToInstances<TDeps>) => Promise<void>;
}
