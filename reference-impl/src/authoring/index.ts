export { createServiceRef } from './createServiceRef.js';
export {
  createServiceFactory,
  type RootServiceFactoryOptions,
  type PluginServiceFactoryOptions,
} from './createServiceFactory.js';
export { createExtensionPoint, type CreateExtensionPointOptions } from './createExtensionPoint.js';
export { createBackendPlugin, type CreateBackendPluginOptions } from './createBackendPlugin.js';
export { createBackendModule, type CreateBackendModuleOptions } from './createBackendModule.js';
export {
  createBackendFeatureLoader,
  type CreateBackendFeatureLoaderOptions,
} from './createBackendFeatureLoader.js';
export { coreServices } from './coreServices.js';
export { isDatabaseConflictError } from './isDatabaseConflictError.js';
// SCHED-131: the authoring library offers the config helper, as backend-plugin-api does.
export { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '../services/scheduler/readSchedulerServiceTaskScheduleDefinitionFromConfig.js';
export type * from './coreServiceTypes.js';
