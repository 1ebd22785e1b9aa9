export { DefaultLifecycleService } from './DefaultLifecycleService.js';
export { lifecycleServiceFactory } from './lifecycleServiceFactory.js';
