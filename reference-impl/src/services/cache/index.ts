export { CacheManager, type CacheManagerOptions } from './CacheManager.js';
export { CacheClient } from './CacheClient.js';
export { CacheError, type CacheErrorCode, type CacheErrorDetails } from './CacheError.js';
export { systemClock, type Clock } from './Clock.js';
export { cacheServiceFactory } from './cacheServiceFactory.js';
