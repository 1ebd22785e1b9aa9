import type { ServiceRef } from '../wire/ServiceRef.js';
import type { ServiceScope } from '../wire/ServiceScope.js';

/**
 * The typed object a service factory function receives for its `deps`, keeping only the
 * dependencies of the given scope.
 *
 * **When to use**: it types the parameters of `factory` and `createRootContext` in
 * `createServiceFactory`; authors rarely name it.
 *
 * **Details**: with `TScope = 'root'`, plugin-scoped dependencies are left out, which is what
 * `createRootContext` and root factories receive. Multiton dependencies become arrays.
 *
 * @requirement SVC-006
 * @requirement SVC-007
 * @requirement SVC-008
 * @requirement SVC-012
 * @requirement SVC-018
 * @requirement SVC-020
 * @see {@link RootServiceFactoryOptions}
 * @see {@link PluginServiceFactoryOptions}
 * @category authoring
 * @since 0.1.0
 */
export type ServiceRefsToInstances<
  T extends { [key in string]: ServiceRef<unknown> },
  TScope extends ServiceScope = ServiceScope,
> = {
  [key in keyof T as T[key]['scope'] extends TScope ? key : never]: T[key]['multiton'] extends
    true | undefined
    ? Array<T[key]['T']>
    : T[key]['T'];
};
