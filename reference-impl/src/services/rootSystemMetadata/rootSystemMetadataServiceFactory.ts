import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { DefaultRootSystemMetadataService } from './DefaultRootSystemMetadataService.js';

/** The default `core.rootSystemMetadata` factory (SMETA-001). */
export const rootSystemMetadataServiceFactory = createServiceFactory({
  service: coreServices.rootSystemMetadata,
  deps: { config: coreServices.rootConfig, instanceMetadata: coreServices.rootInstanceMetadata },
  factory: ({ config, instanceMetadata }) =>
    new DefaultRootSystemMetadataService(config, instanceMetadata),
});
