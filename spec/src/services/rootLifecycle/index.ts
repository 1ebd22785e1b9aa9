export type { ControllableRootLifecycleService } from './ControllableRootLifecycleService.js';
export type { RootLifecycleService } from './RootLifecycleService.js';
export type { RootLifecycleServiceBeforeShutdownHook } from './RootLifecycleServiceBeforeShutdownHook.js';
