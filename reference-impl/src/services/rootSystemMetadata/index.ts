export { DefaultRootSystemMetadataService } from './DefaultRootSystemMetadataService.js';
export { rootSystemMetadataServiceFactory } from './rootSystemMetadataServiceFactory.js';
