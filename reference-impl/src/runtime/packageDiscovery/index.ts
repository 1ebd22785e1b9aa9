export {
  createPackageDiscoveryLoader,
  type PackageDiscoveryOptions,
} from './createPackageDiscoveryLoader.js';
