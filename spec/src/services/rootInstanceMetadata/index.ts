export type { RootInstanceMetadataService } from './RootInstanceMetadataService.js';
export type { RootInstanceMetadataServicePluginInfo } from './RootInstanceMetadataServicePluginInfo.js';
