import type { ExtensionPoint } from '../wire/ExtensionPoint.js';
import type { ServiceRef } from '../wire/ServiceRef.js';
import type { ServiceScope } from '../wire/ServiceScope.js';

/**
 * The typed object an `init` receives for its `deps`: each key holding the instance of the
 * service, an array of instances for a multiton service, or the extension point
 * implementation.
 *
 * **When to use**: it types the parameter of `init` in `registerInit`; authors rarely name it.
 *
 * **Details**: computed like Backstage's type of the same name, so `init` functions type-check
 * the same way with either library.
 *
 * @requirement INIT-050
 * @requirement INIT-051
 * @requirement INIT-055
 * @requirement PLUG-010
 * @requirement MOD-006
 * @see {@link BackendPluginRegistrationPoints}
 * @see {@link BackendModuleRegistrationPoints}
 * @category authoring
 * @since 0.1.0
 */
export type DepsToInstances<
  TDeps extends { [key in string]: ServiceRef<unknown> | ExtensionPoint<unknown> },
> = {
  [key in keyof TDeps]: TDeps[key] extends ServiceRef<unknown, ServiceScope, 'multiton'>
    ? Array<TDeps[key]['T']>
    : TDeps[key]['T'];
};
