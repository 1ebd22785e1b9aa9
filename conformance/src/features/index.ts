export { FEATURE_TYPE, SERVICE_REF_TYPE, EXTENSION_POINT_TYPE } from './wireConstants.js';
export { serviceRef, type TestServiceRef, type ServiceRefOptions } from './serviceRef.js';
export {
  serviceFactory,
  type TestServiceFactory,
  type ServiceFactoryOptions,
  type Deps,
} from './serviceFactory.js';
export { extensionPoint, type TestExtensionPoint } from './extensionPoint.js';
export {
  plugin,
  module,
  registrationsFeature,
  type TestRegistrationsFeature,
  type PluginOptions,
  type ModuleOptions,
  type ProvidedExtensionPoint,
  type InitDeps,
} from './registrations.js';
export { coreRefs } from './coreRefs.js';
export { capturingRootLoggerFactory, type CapturedLogEntry } from './capturingRootLogger.js';
export { recordingLifecycleFactories } from './recordingLifecycle.js';
export {
  featureLoader,
  type TestFeatureLoader,
  type FeatureLoaderOptions,
} from './featureLoader.js';
