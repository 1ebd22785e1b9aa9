export { httpRouterServiceFactory } from './httpRouterServiceFactory.js';
export {
  createPluginHttpRouter,
  type PluginHttpRouter,
  type PluginHttpRouterOptions,
} from './createPluginHttpRouter.js';
export {
  createLifecycleGate,
  type LifecycleGate,
  type LifecycleGateHooks,
} from './createLifecycleGate.js';
export {
  createCredentialsBarrier,
  type CredentialsBarrier,
  type CredentialsCheck,
} from './createCredentialsBarrier.js';
export { compileAuthPolicyPath } from './compileAuthPolicyPath.js';
export { ServiceUnavailableError } from './ServiceUnavailableError.js';
export { HttpRouterError, isHttpRouterError, type HttpRouterErrorCode } from './HttpRouterError.js';
export { readHttpRouterSettings, type HttpRouterSettings } from './readHttpRouterSettings.js';
