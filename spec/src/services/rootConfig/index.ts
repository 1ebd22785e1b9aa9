export type { Config } from './Config.js';
export type { ConfigSubscription } from './ConfigSubscription.js';
export type { RootConfigService } from './RootConfigService.js';
