export type { CacheService } from './CacheService.js';
export type { CacheServiceOptions } from './CacheServiceOptions.js';
export type { CacheServiceSetOptions } from './CacheServiceSetOptions.js';
