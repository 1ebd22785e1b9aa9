export { HostDiscovery, type HostDiscoveryOptions } from './HostDiscovery.js';
export {
  readDiscoverySettings,
  type DiscoveryEndpoint,
  type DiscoverySettings,
} from './readDiscoverySettings.js';
export {
  pickSrvRecord,
  resolveSrvTarget,
  type SrvRecord,
  type SrvResolver,
} from './resolveSrvTarget.js';
export { DiscoveryError, type DiscoveryErrorCode } from './discoveryErrors.js';
export {
  createDiscoveryServiceFactory,
  discoveryServiceFactory,
} from './discoveryServiceFactory.js';
