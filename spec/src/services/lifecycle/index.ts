export type { ControllableLifecycleService } from './ControllableLifecycleService.js';
export type { LifecycleService } from './LifecycleService.js';
export type { LifecycleServiceShutdownHook } from './LifecycleServiceShutdownHook.js';
export type { LifecycleServiceShutdownOptions } from './LifecycleServiceShutdownOptions.js';
export type { LifecycleServiceStartupHook } from './LifecycleServiceStartupHook.js';
export type { LifecycleServiceStartupOptions } from './LifecycleServiceStartupOptions.js';
