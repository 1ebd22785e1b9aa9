export { DefaultRootHealthService, type RootHealthLifecycle } from './DefaultRootHealthService.js';
export type { PluginState, PluginStateEntry, PluginStateSource } from './PluginStateSource.js';
export {
  rootHealthServiceFactory,
  type RootHealthServiceFactoryOptions,
} from './rootHealthServiceFactory.js';
