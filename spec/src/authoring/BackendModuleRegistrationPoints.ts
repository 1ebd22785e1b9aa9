import type { ConnectionRegistration } from '../wire/ConnectionRegistration.js';
import type { ExtensionPoint } from '../wire/ExtensionPoint.js';
import type { ServiceRef } from '../wire/ServiceRef.js';
import type { BackendModuleInitOptions } from './BackendModuleInitOptions.js';
import type { RegisterExtensionPoint } from './RegisterExtensionPoint.js';

/**
 * What a module's `register` callback receives: the calls through which it declares its
 * extension points, connections and `init`.
 *
 * **When to use**: inside `createBackendModule({ register(reg) { ... } })`.
 *
 * **Details**: the same rules as {@link BackendPluginRegistrationPoints}; the difference is that
 * a module's `init` may depend on extension points.
 *
 * @requirement FEAT-052
 * @requirement FEAT-053
 * @requirement FEAT-054
 * @requirement FEAT-057
 * @requirement FEAT-058
 * @requirement FEAT-059
 * @requirement FEAT-060
 * @requirement FEAT-061
 * @see {@link CreateBackendModuleOptions}
 * @category authoring
 * @since 0.1.0
 */
export interface BackendModuleRegistrationPoints {
  /** Registers the implementation of an extension point, for other modules of the plugin. */
  registerExtensionPoint: RegisterExtensionPoint;
  /** Declares a connection to an external system. */
  registerConnection: (registration: ConnectionRegistration) => void;
  /** Declares the module's dependencies and `init`. */
  registerInit: <TDeps extends { [name in string]: ServiceRef<unknown> | ExtensionPoint<unknown> }>(
    options: BackendModuleInitOptions<TDeps>,
  ) => void;
}
