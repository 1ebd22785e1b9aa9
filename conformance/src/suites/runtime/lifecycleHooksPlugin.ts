import { coreRefs, plugin } from '../../features/index.js';
import type { PluginLifecycle, RootLifecycle } from './lifecycleServices.js';

/**
 * A plugin that depends on the runtime's `core.lifecycle` and `core.rootLifecycle` and hands
 * both to `register` from its init, to add hooks on them.
 */
export const lifecycleHooksPlugin = (
  pluginId: string,
  register: (services: { lifecycle: PluginLifecycle; root: RootLifecycle }) => void,
) =>
  plugin({
    pluginId,
    deps: { lifecycle: coreRefs.lifecycle, root: coreRefs.rootLifecycle },
    init: ({ lifecycle, root }) =>
      register({ lifecycle: lifecycle as PluginLifecycle, root: root as RootLifecycle }),
  });
