export { DefaultRootLifecycleService } from './DefaultRootLifecycleService.js';
export { rootLifecycleServiceFactory } from './rootLifecycleServiceFactory.js';
