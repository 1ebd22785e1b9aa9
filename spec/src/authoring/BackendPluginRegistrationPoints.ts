import type { ConnectionRegistration } from '../wire/ConnectionRegistration.js';
import type { ServiceRef } from '../wire/ServiceRef.js';
import type { BackendPluginInitOptions } from './BackendPluginInitOptions.js';
import type { RegisterExtensionPoint } from './RegisterExtensionPoint.js';

/**
 * What a plugin's `register` callback receives: the calls through which it declares its
 * extension points, connections and `init`.
 *
 * **When to use**: inside `createBackendPlugin({ register(reg) { ... } })`.
 *
 * **Details**: `registerExtensionPoint` and `registerConnection` must come before
 * `registerInit`, which must be called exactly once. The authoring library records the calls
 * into a `plugin-v1.1` registration record. Backstage's public type has no `registerConnection`
 * (it is alpha there, though present at run time), so this type is assignable to Backstage's
 * but not the other way round.
 *
 * @requirement FEAT-052
 * @requirement FEAT-053
 * @requirement FEAT-054
 * @requirement FEAT-057
 * @requirement FEAT-058
 * @requirement FEAT-059
 * @requirement FEAT-060
 * @requirement FEAT-061
 * @requirement PLUG-003
 * @requirement PLUG-004
 * @requirement PLUG-005
 * @see {@link CreateBackendPluginOptions}
 * @see {@link BackendModuleRegistrationPoints}
 * @category authoring
 * @since 0.1.0
 */
export interface BackendPluginRegistrationPoints {
  /** Registers the implementation of an extension point of this plugin. */
  registerExtensionPoint: RegisterExtensionPoint;
  /** Declares a connection to an external system. */
  registerConnection: (registration: ConnectionRegistration) => void;
  /** Declares the plugin's dependencies and `init`. */
  registerInit: <TDeps extends { [name in string]: ServiceRef<unknown> }>(
    options: BackendPluginInitOptions<TDeps>,
  ) => void;
}
