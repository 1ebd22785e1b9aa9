export type { DiscoveryService } from './DiscoveryService.js';
