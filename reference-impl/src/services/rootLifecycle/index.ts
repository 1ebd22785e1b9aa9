export { DefaultRootLifecycleService } from './DefaultRootLifecycleService.js';
export { rootLifecycleServiceFactory } from './rootLifecycleServiceFactory.js';
// The hook runner and hook check are shared with the plugin-scoped lifecycle service, which runs
// its hooks with the same ordering, logging and deadline rules.
export { assertHook } from './DefaultRootLifecycleService.js';
export {
  runHooks,
  type HookSettlement,
  type PhaseObserver,
  type RegisteredHook,
} from './runHooks.js';
